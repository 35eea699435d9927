package org.coopflow.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TasklistUser;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.programmes.ProposalLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A programme's implementation worked in Tasklist as an officer works it: the task shows in the
 * owning office's list only, its deployed Camunda Form and its facts load, and the form's fields
 * (dates as the date picker sends them) complete the activity and submit the final report.
 */
@CoopflowTest
class ActivityTasklistTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProposalLifecycle lifecycle;

	@Autowired
	TransactionTemplate transaction;

	private static ObjectNode submit(String... nameTypeValue) {
		ObjectNode body = PledgeFixtures.JSON.createObjectNode();
		ObjectNode variables = body.putObject("variables");
		for (int i = 0; i < nameTypeValue.length; i += 3) {
			variables.putObject(nameTypeValue[i]).put("type", nameTypeValue[i + 1]).put("value", nameTypeValue[i + 2]);
		}
		return body;
	}

	private JsonNode only(TasklistUser user, long programmeId, String name) {
		JsonNode tasks = user.tasksOf(ImplementationProcess.businessKey(programmeId));
		assertThat(tasks).as("tasks of " + programmeId).hasSize(1);
		assertThat(tasks.get(0).path("name").asText()).isEqualTo(name);
		return tasks.get(0);
	}

	private void claimAndSubmit(TasklistUser user, String userId, JsonNode task, ObjectNode form) {
		String id = task.path("id").asText();
		assertThat(user.post("/task/" + id + "/claim", "{\"userId\": \"" + userId + "\"}").status()).isEqualTo(204);
		TestHttp.Response submitted = user.post("/task/" + id + "/submit-form", form.toString());
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
	}

	@Test
	void anOfficerPlansCompletesAndReportsInTasklist() {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port), jdbc, lifecycle, transaction);
		long programmeId = fixtures.fundedProgramme("30000.00", "donorJapan", "30000");
		String businessKey = ImplementationProcess.businessKey(programmeId);
		assertThat(new TasklistUser(port, "officerOhchr").tasksOf(businessKey)).as("another office").isEmpty();

		TasklistUser officer = new TasklistUser(port, "officerCpcjd");
		long activityId = fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Training of judges"))
			.path("id")
			.asLong();
		JsonNode plan = only(officer, programmeId, "Plan activities");
		TestHttp.Response form = officer.browser.browse(TasklistUser.TASKLIST_API + "/task/" + plan.path("id").asText()
				+ "/deployed-form");
		assertThat(form.body()).contains("plannedActivities");
		JsonNode facts = officer.get("/task/" + plan.path("id").asText() + "/form-variables");
		assertThat(facts.path("plannedActivities").path("value").asText()).contains("TRAINING: Training of judges");
		claimAndSubmit(officer, "officerCpcjd", plan, submit());

		JsonNode complete = only(officer, programmeId, "Complete activity");
		String today = PledgeFixtures.today().toString();
		claimAndSubmit(officer, "officerCpcjd", complete,
				submit("actualStart", "String", today, "actualEnd", "String", today));
		assertThat(fixtures.pledges().step("GET", "/api/activities/" + activityId, "donorJapan", null, 200)
			.path("status").asText()).isEqualTo("COMPLETED");

		JsonNode finalReport = only(officer, programmeId, "Submit final report");
		assertThat(officer.get("/task/" + finalReport.path("id").asText() + "/form-variables").path("moneySummary")
			.path("value").asText()).contains("received USD 30000.00");
		claimAndSubmit(officer, "officerCpcjd", finalReport,
				submit("reportSummary", "String", "Forty judges trained on the Bangalore Principles."));
		assertThat(jdbc.sql("SELECT summary FROM implementation_report WHERE programme_id = ? AND kind = 'FINAL'")
			.param(programmeId).query(String.class).single()).startsWith("Forty judges");
	}

}
