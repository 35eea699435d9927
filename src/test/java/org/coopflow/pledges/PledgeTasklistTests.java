package org.coopflow.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TasklistUser;
import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A pledge worked in Tasklist, end to end with the funding proposal: a programme approved through its
 * own process, a donor pledging its whole budget, an officer verifying the pledge and recording the
 * agreement in Tasklist's forms, and the programme funded because committed funding reached its budget.
 */
@CoopflowTest
class PledgeTasklistTests {

	@LocalServerPort
	int port;

	private final ObjectMapper json = new ObjectMapper();

	private static ObjectNode submit(ObjectMapper json, String... nameTypeValue) {
		ObjectNode body = json.createObjectNode();
		ObjectNode variables = body.putObject("variables");
		for (int i = 0; i < nameTypeValue.length; i += 3) {
			ObjectNode variable = variables.putObject(nameTypeValue[i]).put("type", nameTypeValue[i + 1]);
			switch (nameTypeValue[i + 1]) {
				case "Boolean" -> variable.put("value", Boolean.parseBoolean(nameTypeValue[i + 2]));
				default -> variable.put("value", nameTypeValue[i + 2]);
			}
		}
		return body;
	}

	private long approvedProgramme(TestHttp api) {
		ObjectNode draft = json.createObjectNode();
		draft.put("title", "Training prosecutors " + UUID.randomUUID().toString().substring(0, 8));
		draft.put("description", "Training on the Guidelines on the Role of Prosecutors");
		draft.putArray("countries").add("GH");
		draft.putArray("standards").add("GL-PROSECUTORS");
		draft.putArray("activityTypes").add("TRAINING");
		draft.putArray("sectors").add("15130");
		TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", "80000.00").put("currency", "EUR");
		long id = api.send("POST", "/api/programmes", "officerCpcjd", "application/json", draft.toString())
			.json()
			.path("id")
			.asLong();
		assertThat(api.send("POST", "/api/programmes/" + id + "/submission", "officerCpcjd", null, null).status())
			.isEqualTo(201);
		TasklistUser reviewer = new TasklistUser(port, "reviewerCpcjd");
		String taskId = reviewer.tasksOf(id).get(0).path("id").asText();
		assertThat(reviewer.post("/task/" + taskId + "/claim", "{\"userId\": \"reviewerCpcjd\"}").status()).isEqualTo(204);
		assertThat(reviewer.post("/task/" + taskId + "/submit-form",
				submit(json, "reviewDecision", "String", "APPROVE").toString()).status()).isEqualTo(204);
		assertThat(api.get("/api/programmes/" + id, "admin").json().path("status").asText()).isEqualTo("OPEN_FOR_FUNDING");
		return id;
	}

	@Test
	void aPledgeVerifiedAndAgreedInTasklistFundsTheProgramme() {
		TestHttp api = TestHttp.api(port);
		PledgeFixtures fixtures = new PledgeFixtures(api);
		fixtures.rate("EUR", "0.925000");
		fixtures.rate("NOK", "10.850000");
		long programmeId = approvedProgramme(api);

		// 938,350 NOK is USD 86,483.87 at 10.85, which is EUR 79,997.58 at 0.925: short of the budget
		JsonNode pledge = fixtures.create("donorNorway", PledgeFixtures.toProgramme("938350", "NOK", programmeId));
		long pledgeId = pledge.path("id").asLong();
		assertThat(pledge.path("amountUsd").decimalValue()).isEqualByComparingTo("86483.87");

		// the other office's officers and the donors never see the task
		assertThat(new TasklistUser(port, "officerOhchr").tasksOf(DonorPledgeProcess.businessKey(pledgeId))).isEmpty();
		TasklistUser officer = new TasklistUser(port, "officerCpcjd");
		JsonNode task = officer.tasksOf(DonorPledgeProcess.businessKey(pledgeId)).get(0);
		assertThat(task.path("name").asText()).isEqualTo("Verify pledge — Norway, NOK 938,350 to CPCJD");
		JsonNode facts = officer.get("/task/" + task.path("id").asText() + "/form-variables");
		assertThat(facts.path("pledgeSummary").path("value").asText()).startsWith("Norway pledged NOK 938,350 (USD 86,483.87 at the rate of ");
		TestHttp.Response deployedForm = officer.browser.browse(TasklistUser.TASKLIST_API + "/task/"
				+ task.path("id").asText() + "/deployed-form");
		assertThat(deployedForm.body()).contains("pledgeVerified");

		assertThat(officer.post("/task/" + task.path("id").asText() + "/claim", "{\"userId\": \"officerCpcjd\"}").status())
			.isEqualTo(204);
		TestHttp.Response forged = officer.post("/task/" + task.path("id").asText() + "/submit-form",
				submit(json, "pledgeVerified", "Boolean", "true", "decidedBy", "String", "someoneElse").toString());
		assertThat(forged.status()).as("the form does not ask who decided").isEqualTo(400);
		assertThat(forged.json().path("message").asText()).contains("decidedBy");
		// declined without a note: Tasklist shows the refusal by the form's own label, and the variable beside it
		TestHttp.Response noNote = officer.post("/task/" + task.path("id").asText() + "/submit-form",
				submit(json, "pledgeVerified", "Boolean", "false").toString());
		assertThat(noNote.status()).as(noNote.body()).isEqualTo(400);
		assertThat(noNote.json().path("message").asText()).contains(": Note (verificationNote): ");
		// what Tasklist sends: the answer, and the readonly facts back as they were shown
		TestHttp.Response verified = officer.post("/task/" + task.path("id").asText() + "/submit-form",
				submit(json, "pledgeVerified", "Boolean", "true", "pledgeSummary", "String",
						facts.path("pledgeSummary").path("value").asText(), "instalmentSchedule", "String",
						facts.path("instalmentSchedule").path("value").asText()).toString());
		assertThat(verified.status()).as(verified.body()).isEqualTo(204);
		JsonNode afterVerification = api.get("/api/pledges/" + pledgeId, "officerCpcjd").json();
		assertThat(afterVerification.path("verifiedAt").isTextual()).isTrue();
		assertThat(api.get("/api/pledges/" + pledgeId + "/history", "officerCpcjd").json().get(1).path("actor").asText())
			.as("recorded under the signed-in officer").isEqualTo("officerCpcjd");

		JsonNode agreement = officer.tasksOf(DonorPledgeProcess.businessKey(pledgeId)).get(0);
		assertThat(agreement.path("name").asText()).isEqualTo("Conclude agreement — Norway, NOK 938,350 to CPCJD");
		officer.post("/task/" + agreement.path("id").asText() + "/claim", "{\"userId\": \"officerCpcjd\"}");
		TestHttp.Response agreed = officer.post("/task/" + agreement.path("id").asText() + "/submit-form",
				submit(json, "agreementDate", "String", PledgeFixtures.today().toString(), "agreementReference", "String",
						"NOR-22/0815").toString());
		assertThat(agreed.status()).as(agreed.body()).isEqualTo(204);
		assertThat(api.get("/api/programmes/" + programmeId + "/funding", "officerCpcjd").json().path("committed")
			.decimalValue()).isEqualByComparingTo("79997.58");
		assertThat(api.get("/api/programmes/" + programmeId, "admin").json().path("status").asText())
			.isEqualTo("OPEN_FOR_FUNDING");

		// a second, small pledge in euros reaches the budget: the funding proposal process is told
		JsonNode topUp = fixtures.create("donorJapan", PledgeFixtures.toProgramme("2.42", "EUR", programmeId));
		long topUpId = topUp.path("id").asLong();
		fixtures.verify(topUpId);
		fixtures.agree(topUpId);
		assertThat(api.get("/api/programmes/" + programmeId + "/funding", "officerCpcjd").json().path("committed")
			.decimalValue()).isEqualByComparingTo("80000.00");
		org.coopflow.Eventually.equals(
				() -> api.get("/api/programmes/" + programmeId, "admin").json().path("status").asText(), "FUNDED");
	}

}
