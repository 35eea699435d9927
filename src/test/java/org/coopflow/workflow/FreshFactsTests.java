package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.CoopflowTest;
import org.coopflow.TasklistUser;
import org.coopflow.TestHttp;
import org.coopflow.activities.ImplementationFixtures;
import org.coopflow.overlap.TestAlertsAccess;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.programmes.ProgrammeFixtures;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.reference.Office;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A form shows its task's facts as the record holds them when the form is opened, not as they were
 * when the task was created, and in words; a completion may send them back only as they are now.
 */
@CoopflowTest
class FreshFactsTests {

	/** A value that is an enum's or a reference code (OVERLAP_REVIEW, KE), not words. */
	static final Pattern CODE = Pattern.compile("^[A-Z][A-Z_]+$");

	/** An enum's code inside a text ("status OVERLAP_REVIEW"), or a standard's ("VICTIMS-DECL"). */
	static final Pattern CODE_IN_TEXT = Pattern.compile("\\b[A-Z]{2,}(?:[_-][A-Z]{2,})+\\b");

	/** A date as machines write it. */
	static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Test
	void anAlertChangedAfterItsTaskWasCreatedShowsAsItIsNowWhenTheFormOpens() {
		String cpcjdTitle = "Prison staff training in Malawi " + UUID.randomUUID().toString().substring(0, 8);
		String ohchrTitle = "Detention monitoring in Malawi " + UUID.randomUUID().toString().substring(0, 8);
		long alertId = TestAlertsAccess.raiseBetweenOffices(port, context, cpcjdTitle, ohchrTitle, "MW", "SMR-PRISONERS");
		TasklistUser coordinator = new TasklistUser(port, "coordinatorCpcjd");
		String taskId = coordinator.tasksOf("alert-" + alertId).get(0).path("id").asText();
		JsonNode before = coordinator.get("/task/" + taskId + "/form-variables");
		JsonNode alert = TestHttp.api(port).get("/api/overlap-alerts/" + alertId, "coordinatorCpcjd").json();
		long cpcjd = alert.path("first").path("title").asText().equals(cpcjdTitle) ? alert.path("first").path("id").asLong()
				: alert.path("second").path("id").asLong();

		// while the task waits, the officer renames the programme and submits it (it then waits for the alert),
		// and screening refreshes the alert
		String renamed = "Prison staff training in Malawi and Zambia " + UUID.randomUUID().toString().substring(0, 8);
		ProgrammeFixtures programmes = new ProgrammeFixtures(TestHttp.api(port));
		programmes.rename(cpcjd, "officerCpcjd", renamed);
		programmes.submit(cpcjd, "officerCpcjd");
		TestAlertsAccess.rescreenBetweenOffices(port, context, alertId, "0.5979");

		JsonNode now = coordinator.get("/task/" + taskId + "/form-variables");
		assertThat(now.path("score").path("value").asText()).isEqualTo("59.8 % similar")
			.isNotEqualTo(before.path("score").path("value").asText());
		String first = now.path("firstTitle").path("value").asText();
		String side = first.equals(renamed) ? "first" : "second";
		assertThat(now.path(side + "Title").path("value").asText()).isEqualTo(renamed);
		assertThat(now.path(side + "Status").path("value").asText()).isEqualTo(ProgrammeStatus.OVERLAP_REVIEW.label());
		assertThat(now.path("firstCountries").path("value").asText()).isEqualTo("Malawi");
		assertThat(tasks.getVariablesLocal(taskId)).as("nothing copied onto the task").isEmpty();

		assertThat(coordinator.post("/task/" + taskId + "/claim", "{\"userId\": \"coordinatorCpcjd\"}").status())
			.isEqualTo(204);
		// a form opened before the change sends the old facts back: the coordinator decides again on the new
		TestHttp.Response stale = coordinator.post("/task/" + taskId + "/submit-form",
				submission(taskId, before, "COMPLEMENTARY").toString());
		assertThat(stale.status()).as(stale.body()).isEqualTo(400);
		assertThat(stale.json().path("message").asText()).contains("score").contains("open it again");
		assertThat(proposals(alertId)).isZero();

		// a forged fact changes nothing either
		ObjectNode forged = submission(taskId, now, "COMPLEMENTARY");
		forged.with("variables").putObject("firstStatus").put("value", "Closed").put("type", "String");
		assertThat(coordinator.post("/task/" + taskId + "/submit-form", forged.toString()).status()).isEqualTo(400);
		assertThat(proposals(alertId)).isZero();

		// what Tasklist sends from the form opened now
		TestHttp.Response fresh = coordinator.post("/task/" + taskId + "/submit-form",
				submission(taskId, now, "COMPLEMENTARY").toString());
		assertThat(fresh.status()).as(fresh.body()).isEqualTo(204);
		assertThat(proposals(alertId)).isOne();
		assertThat(programmes.get(cpcjd).path("title").asText()).as("a fact is never written back").isEqualTo(renamed);
	}

	@Test
	void aProposalRenamedWhileUnderReviewShowsItsNewTitleAndStatusInWords() {
		TestHttp api = TestHttp.api(port);
		ProgrammeFixtures programmes = new ProgrammeFixtures(api);
		ObjectNode draft = ProgrammeFixtures.draft("Prison reform " + UUID.randomUUID());
		draft.putObject("budget").put("amount", "120000.00").put("currency", "USD");
		long id = programmes.create("officerCpcjd", draft);
		programmes.submit(id, "officerCpcjd");
		TasklistUser reviewer = new TasklistUser(port, "reviewerCpcjd");
		String taskId = reviewer.tasksOf(id).get(0).path("id").asText();

		// no API changes a proposal under review (only drafts and returned proposals are edited): written
		// directly, to show the form reads the record as it is when opened, not a copy taken with the task
		jdbc.sql("UPDATE programme SET title = 'Prison reform, renamed' WHERE id = ?").param(id).update();

		JsonNode facts = reviewer.get("/task/" + taskId + "/form-variables");
		assertThat(facts.path("title").path("value").asText()).isEqualTo("Prison reform, renamed");
		assertThat(facts.path("status").path("value").asText()).isEqualTo(ProgrammeStatus.UNDER_REVIEW.label());
		assertThat(facts.path("standards").path("value").asText())
			.startsWith("Standard Minimum Rules for the Treatment of Prisoners");
		assertThat(facts.path("countries").path("value").asText()).isEqualTo("Kenya; Uganda");
		assertThat(facts.path("budget").path("value").asText()).isEqualTo("USD 120,000");
	}

	@Test
	void allocateFundsOffersTheProgrammesOpenForFundingAsTasklistReadsASelectsOptions() throws IOException {
		TestHttp api = TestHttp.api(port);
		PledgeFixtures pledges = new PledgeFixtures(api);
		long open = pledges.openProgramme("officerCpcjd", "70000.00", "USD");
		long pledgeId = pledges.create("donorNorway", PledgeFixtures.pledge("5000.00", "USD")).path("id").asLong();
		pledges.verify(pledgeId);
		pledges.agree(pledgeId);
		TasklistUser officer = new TasklistUser(port, "officerCpcjd");
		JsonNode allocate = officer.tasksOf("pledge-" + pledgeId).get(0);
		assertThat(allocate.path("name").asText()).startsWith("Allocate funds");

		JsonNode options = officer.get("/task/" + allocate.path("id").asText() + "/form-variables").path("programmeOptions");
		// what Tasklist parses for a valuesKey: a value serialized as JSON
		assertThat(options.path("valueInfo").path("serializationDataFormat").asText()).isEqualTo("application/json");
		JsonNode values = PledgeFixtures.JSON.readTree(options.path("value").asText());
		String title = pledges.programmes().get(open).path("title").asText();
		assertThat(values.findValues("value").stream().map(JsonNode::asLong)).contains(open);
		assertThat(values.findValues("label").stream().map(JsonNode::asText))
			.contains(title + " (no. " + open + ", " + ProgrammeStatus.OPEN_FOR_FUNDING.label() + ")");
		assertThat(tasks.getVariable(allocate.path("id").asText(), "programmeOptions")).as("never stored").isNull();

		officer.post("/task/" + allocate.path("id").asText() + "/claim", "{\"userId\": \"officerCpcjd\"}");
		TestHttp.Response allocated = officer.post("/task/" + allocate.path("id").asText() + "/submit-form",
				"{\"variables\": {\"programmeId\": {\"value\": " + open + ", \"type\": \"Long\"}}}");
		assertThat(allocated.status()).as(allocated.body()).isEqualTo(204);
		assertThat(api.get("/api/pledges/" + pledgeId, "officerCpcjd").json().path("allocatedProgrammeId").asLong())
			.isEqualTo(open);
	}

	@Test
	void everyOpenTaskOfEveryProcessShowsItsFactsInWords() throws IOException {
		TestHttp api = TestHttp.api(port);
		PledgeFixtures pledges = new PledgeFixtures(api);
		long programmeId = pledges.openProgramme("officerCpcjd", "90000.00", "USD");
		long pledgeId = pledges.create("donorNorway", PledgeFixtures.toProgramme("30000.00", "USD", programmeId))
			.path("id")
			.asLong();
		ProgrammeFixtures programmes = pledges.programmes();
		ObjectNode draft = ProgrammeFixtures.draft("Prison reform " + UUID.randomUUID());
		draft.putObject("budget").put("amount", "50000.00").put("currency", "USD");
		long submitted = programmes.create("officerOhchr", draft);
		programmes.submit(submitted, "officerOhchr");
		long alertId = TestAlertsAccess.raiseBetweenOffices(port, context, "Training in Malawi " + UUID.randomUUID(),
				"Monitoring in Malawi " + UUID.randomUUID(), "MW", "SMR-PRISONERS");
		long funded = new ImplementationFixtures(api)
			.fundedProgramme("60000.00", "donorNorway", "60000");

		List<String> businessKeys = List.of("pledge-" + pledgeId, "programme-" + submitted, "alert-" + alertId,
				"implementation-" + funded);
		List<String> checked = new ArrayList<>();
		for (String businessKey : businessKeys) {
			List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list();
			assertThat(open).as(businessKey).isNotEmpty();
			for (Task task : open) {
				TaskForm form;
				try (InputStream schema = forms.getDeployedTaskForm(task.getId())) {
					form = TaskForm.parse(schema.readAllBytes(), task.getName());
				}
				Map<String, Object> shown = forms.getTaskFormVariables(task.getId());
				for (String fact : form.shown()) {
					if (!(shown.get(fact) instanceof String text) || text.isBlank()) {
						continue;
					}
					String where = task.getName() + " (" + businessKey + "): " + fact + " = " + text;
					if (!isOffice(text)) {
						assertThat(CODE.matcher(text).matches()).as(where).isFalse();
					}
					// the signals say what screening compared, codes included, as the alert page does
					if (!fact.equals("signals")) {
						assertThat(CODE_IN_TEXT.matcher(text).find()).as(where).isFalse();
						assertThat(ISO_DATE.matcher(text).find()).as(where).isFalse();
					}
					checked.add(fact);
				}
			}
		}
		assertThat(checked).contains("pledgeSummary", "instalmentSchedule", "status", "standards", "firstStatus",
				"secondStandards", "programmeTitle");
	}

	private static boolean isOffice(String text) {
		for (Office office : Office.values()) {
			if (office.label().equals(text)) {
				return true;
			}
		}
		return false;
	}

	/** The answer and every fact the review form shows, as Tasklist sends them from the form as read. */
	private ObjectNode submission(String taskId, JsonNode read, String decision) {
		TaskForm form;
		try (InputStream schema = forms.getDeployedTaskForm(taskId)) {
			form = TaskForm.parse(schema.readAllBytes(), "review-overlap-alert");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		ObjectNode body = PledgeFixtures.JSON.createObjectNode();
		ObjectNode variables = body.putObject("variables");
		for (String fact : form.shown()) {
			if (read.has(fact)) {
				variables.putObject(fact).put("value", read.path(fact).path("value").asText()).put("type", "String");
			}
		}
		variables.putObject("decision").put("value", decision).put("type", "String");
		variables.putObject("reason").put("value", "One trains, the other monitors").put("type", "String");
		return body;
	}

	private long proposals(long alertId) {
		return jdbc.sql("SELECT COUNT(*) FROM overlap_alert_proposal WHERE alert_id = ?")
			.param(alertId)
			.query(Long.class)
			.single();
	}

}
