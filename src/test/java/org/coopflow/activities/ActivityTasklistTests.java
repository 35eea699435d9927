package org.coopflow.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.coopflow.CoopflowTest;
import org.coopflow.TasklistUser;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

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
	ManagementService management;

	@Autowired
	RuntimeService runtime;

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
		// the model's name for the kind of work, then what it is about
		assertThat(tasks.get(0).path("name").asText()).startsWith(name + " — ");
		return tasks.get(0);
	}

	private static JsonNode named(TasklistUser user, long programmeId, String name) {
		for (JsonNode task : user.tasksOf(ImplementationProcess.businessKey(programmeId))) {
			if (task.path("name").asText().startsWith(name + " — ")) {
				return task;
			}
		}
		return null;
	}

	private void claimAndSubmit(TasklistUser user, String userId, JsonNode task, ObjectNode form) {
		String id = task.path("id").asText();
		assertThat(user.post("/task/" + id + "/claim", "{\"userId\": \"" + userId + "\"}").status()).isEqualTo(204);
		TestHttp.Response submitted = user.post("/task/" + id + "/submit-form", form.toString());
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
	}

	@Test
	void anOfficerPlansCompletesAndReportsInTasklist() {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port));
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
		assertThat(facts.path("plannedActivities").path("value").asText()).contains("Training: Training of judges");
		claimAndSubmit(officer, "officerCpcjd", plan, submit());

		JsonNode complete = only(officer, programmeId, "Complete activity");
		String today = PledgeFixtures.today().toString();
		claimAndSubmit(officer, "officerCpcjd", complete,
				submit("actualStart", "String", today, "actualEnd", "String", today));
		assertThat(fixtures.pledges().step("GET", "/api/activities/" + activityId, "donorJapan", null, 200)
			.path("status").asText()).isEqualTo("COMPLETED");

		JsonNode finalReport = only(officer, programmeId, "Submit final report");
		assertThat(officer.get("/task/" + finalReport.path("id").asText() + "/form-variables").path("moneySummary")
			.path("value").asText()).contains("received USD 30,000");
		claimAndSubmit(officer, "officerCpcjd", finalReport,
				submit("reportSummary", "String", "Forty judges trained on the Bangalore Principles."));
		assertThat(jdbc.sql("SELECT summary FROM implementation_report WHERE programme_id = ? AND kind = 'FINAL'")
			.param(programmeId).query(String.class).single()).startsWith("Forty judges");
	}

	@Test
	void theOfficerWhoSubmittedAProgressReportNeitherSeesNorTakesItsReview() {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port));
		long programmeId = fixtures.fundedProgramme("30000.00", "donorJapan", "30000");
		fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Training of judges"));
		TasklistUser officer = new TasklistUser(port, "officerCpcjd");
		claimAndSubmit(officer, "officerCpcjd", only(officer, programmeId, "Plan activities"), submit());
		// the reporting period ends (its timer is months away; its job is run as the job executor would)
		management.executeJob(management.createJobQuery()
			.processInstanceId(runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(ImplementationProcess.businessKey(programmeId))
				.singleResult()
				.getId())
			.activityId("Timer_ProgressReportDue")
			.singleResult()
			.getId());
		claimAndSubmit(officer, "officerCpcjd", named(officer, programmeId, "Submit progress report"),
				submit("reportSummary", "String", "Twenty judges trained so far."));

		TasklistUser reviewer = new TasklistUser(port, "reviewerCpcjd");
		JsonNode review = named(reviewer, programmeId, "Review progress report");
		assertThat(review).as("the second officer's list").isNotNull();
		assertThat(named(officer, programmeId, "Review progress report")).as("the submitter's list").isNull();
		TestHttp.Response ownClaim = officer.post("/task/" + review.path("id").asText() + "/claim",
				"{\"userId\": \"officerCpcjd\"}");
		assertThat(ownClaim.status()).as(ownClaim.body()).isEqualTo(403);
		assertThat(reviewer.get("/task/" + review.path("id").asText() + "/form-variables").has("reportAccepted"))
			.as("no decision is offered before the reviewer makes one").isFalse();
		claimAndSubmit(reviewer, "reviewerCpcjd", review, submit("reportAccepted", "Boolean", "true"));
		assertThat(jdbc.sql("SELECT status FROM implementation_report WHERE programme_id = ? AND kind = 'PROGRESS'")
			.param(programmeId).query(String.class).single()).isEqualTo("ACCEPTED");
	}

}
