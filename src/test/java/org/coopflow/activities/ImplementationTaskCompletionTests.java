package org.coopflow.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.coopflow.pledges.PledgeFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task of the implementation process works on the programme of its business key, and on activities,
 * milestones and reports of that programme only, whatever a completion sends through engine-rest: an
 * activity, a milestone, a report or a programme of another office named in the variables changes
 * nothing of theirs.
 */
@CoopflowTest
class ImplementationTaskCompletionTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	ImplementationFixtures fixtures;

	TestHttp api;

	@BeforeEach
	void setUp() {
		api = TestHttp.api(port);
		fixtures = new ImplementationFixtures(api);
	}

	/** Another office's programme under way: one activity with one milestone, its first progress report due. */
	private record OtherOffice(long programmeId, long activityId, long milestoneId, long reportId) {
	}

	private static ObjectNode withMilestone(ObjectNode activity) {
		activity.putArray("milestones")
			.addObject()
			.put("title", "Curriculum agreed")
			.put("due", PledgeFixtures.today().plusDays(20).toString());
		return activity;
	}

	private OtherOffice ohchrProgrammeUnderWay() {
		PledgeFixtures pledges = fixtures.pledges();
		ObjectNode draft = PledgeFixtures.JSON.createObjectNode();
		draft.put("office", "OHCHR");
		draft.put("title", "Human rights in places of detention " + UUID.randomUUID());
		draft.put("description", "Monitoring places of detention against the Nelson Mandela Rules");
		draft.putArray("countries").add("KE");
		draft.putArray("standards").add("SMR-PRISONERS");
		draft.putArray("activityTypes").add("TRAINING");
		draft.putArray("sectors").add("15130");
		TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", "20000.00").put("currency", "USD");
		long programmeId = pledges.programmes().open("officerOhchr", draft);
		long pledgeId = pledges.create("donorNorway", PledgeFixtures.toProgramme("20000", "USD", programmeId))
			.path("id")
			.asLong();
		pledges.step("PUT", "/api/pledges/" + pledgeId + "/verification", "officerOhchr", "{\"verified\": true}", 200);
		pledges.step("PUT", "/api/pledges/" + pledgeId + "/agreement", "officerOhchr", "{\"agreementDate\": \""
				+ PledgeFixtures.today() + "\", \"agreementReference\": \"OHCHR/" + pledgeId + "\"}", 200);
		fixtures.markFunded(programmeId);
		JsonNode activity = pledges.step("POST", "/api/programmes/" + programmeId + "/activities", "officerOhchr",
				withMilestone(ImplementationFixtures.activity("TRAINING", "Training of prison monitors")).toString(), 201);
		completeAs("officerOhchr", task(programmeId, ImplementationProcess.Tasks.PLAN_ACTIVITIES), "", 204);
		fire(programmeId, "Timer_ProgressReportDue");
		long reportId = jdbc.sql("SELECT id FROM implementation_report WHERE programme_id = ?")
			.param(programmeId)
			.query(Long.class)
			.single();
		return new OtherOffice(programmeId, activity.path("id").asLong(),
				activity.path("milestones").get(0).path("id").asLong(), reportId);
	}

	/** Everything of the programme a completion could have changed: activities, milestones, reports. */
	private List<String> trace(long programmeId) {
		List<String> trace = new java.util.ArrayList<>();
		trace.add(fixtures.pledges()
			.step("GET", "/api/programmes/" + programmeId + "/activities", "officerOhchr", null, 200)
			.toString());
		trace.addAll(jdbc.sql("""
				SELECT CONCAT(id, ' ', status, ' ', COALESCE(summary, '-'), ' ', COALESCE(task_id, '-'))
				FROM implementation_report WHERE programme_id = ? ORDER BY id""")
			.param(programmeId)
			.query(String.class)
			.list());
		return trace;
	}

	private Task task(long programmeId, String taskDefinitionKey) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(ImplementationProcess.businessKey(programmeId))
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult();
	}

	private void fire(long programmeId, String timer) {
		management.executeJob(management.createJobQuery()
			.processInstanceId(runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(ImplementationProcess.businessKey(programmeId))
				.singleResult()
				.getId())
			.activityId(timer)
			.singleResult()
			.getId());
	}

	private TestHttp.Response completeAs(String officer, Task task, String variables, int expected) {
		TestHttp.Response completed = complete(officer, task, variables);
		assertThat(completed.status()).as(completed.body()).isEqualTo(expected);
		return completed;
	}

	private TestHttp.Response complete(String officer, Task task, String variables) {
		assertThat(task).as("open task").isNotNull();
		fixtures.pledges()
			.step("POST", "/engine-rest/task/" + task.getId() + "/claim", officer, "{\"userId\": \"" + officer + "\"}", 204);
		return api.send("POST", "/engine-rest/task/" + task.getId() + "/complete", officer, "application/json",
				"{\"variables\": {" + variables + "}}");
	}

	private static String longVariable(String name, long value) {
		return "\"" + name + "\": {\"value\": " + value + ", \"type\": \"Long\"}";
	}

	@Test
	void aMilestoneOrActivityOfAnotherOfficeNamedInACompletionIsRefusedAndLeftUntouched() {
		OtherOffice other = ohchrProgrammeUnderWay();
		long programmeId = fixtures.fundedProgramme("30000.00", "donorJapan", "30000");
		long activityId = fixtures.plan(programmeId, withMilestone(ImplementationFixtures.activity("TRAINING", "Training of judges")))
			.path("id")
			.asLong();
		completeAs("officerCpcjd", task(programmeId, ImplementationProcess.Tasks.PLAN_ACTIVITIES), "", 204);
		List<String> before = trace(other.programmeId());

		TestHttp.Response milestone = complete("officerCpcjd", task(programmeId, ImplementationProcess.Tasks.COMPLETE_MILESTONE),
				String.join(", ", longVariable("milestoneId", other.milestoneId()), longVariable("activityId", other.activityId()),
						"\"milestoneNote\": {\"value\": \"done\"}"));
		assertThat(milestone.status()).as(milestone.body()).isEqualTo(400);
		assertThat(trace(other.programmeId())).isEqualTo(before);
		TestHttp.Response milestoneOnly = complete("officerCpcjd",
				task(programmeId, ImplementationProcess.Tasks.COMPLETE_MILESTONE), longVariable("milestoneId", other.milestoneId()));
		assertThat(milestoneOnly.status()).as(milestoneOnly.body()).isEqualTo(400);
		assertThat(trace(other.programmeId())).isEqualTo(before);
		assertThat(fixtures.pledges().step("GET", "/api/activities/" + activityId, "officerCpcjd", null, 200)
			.path("milestones").get(0).path("completedAt").isTextual()).as("nor was the task's own milestone completed").isFalse();

		completeAs("officerCpcjd", task(programmeId, ImplementationProcess.Tasks.COMPLETE_MILESTONE), "", 204);
		String today = PledgeFixtures.today().toString();
		TestHttp.Response activity = complete("officerCpcjd", task(programmeId, ImplementationProcess.Tasks.COMPLETE_ACTIVITY),
				String.join(", ", longVariable("activityId", other.activityId()),
						"\"actualStart\": {\"value\": \"" + today + "\"}", "\"actualEnd\": {\"value\": \"" + today + "\"}"));
		assertThat(activity.status()).as(activity.body()).isEqualTo(400);
		assertThat(trace(other.programmeId())).isEqualTo(before);
		assertThat(fixtures.pledges().step("GET", "/api/activities/" + activityId, "officerCpcjd", null, 200)
			.path("status").asText()).isEqualTo("IN_PROGRESS");
	}

	@Test
	void aProgrammeOrReportOfAnotherOfficeNamedInACompletionIsRefusedAndChangesNothing() {
		OtherOffice other = ohchrProgrammeUnderWay();
		long programmeId = fixtures.fundedProgramme("30000.00", "donorJapan", "30000");
		long activityId = fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Training of judges"))
			.path("id")
			.asLong();
		List<String> before = trace(other.programmeId());

		TestHttp.Response planned = complete("officerCpcjd", task(programmeId, ImplementationProcess.Tasks.PLAN_ACTIVITIES),
				longVariable("programmeId", other.programmeId()));
		assertThat(trace(other.programmeId())).isEqualTo(before);
		assertThat(planned.status()).as(planned.body()).isEqualTo(400);
		assertThat(planned.json().path("message").asText()).contains("programmeId");
		completeAs("officerCpcjd", task(programmeId, ImplementationProcess.Tasks.PLAN_ACTIVITIES), "", 204);
		assertThat(fixtures.pledges().step("GET", "/api/activities/" + activityId, "officerCpcjd", null, 200)
			.path("status").asText()).as("the task's own programme's activity runs").isEqualTo("IN_PROGRESS");

		fire(programmeId, "Timer_ProgressReportDue");
		assertThat(trace(other.programmeId())).as("the report was opened for the task's own programme").isEqualTo(before);
		TestHttp.Response submitted = complete("officerCpcjd",
				task(programmeId, ImplementationProcess.Tasks.SUBMIT_PROGRESS_REPORT),
				String.join(", ", longVariable("programmeId", other.programmeId()), longVariable("reportId", other.reportId()),
						"\"reportSummary\": {\"value\": \"Twenty judges trained so far.\"}"));
		assertThat(trace(other.programmeId())).isEqualTo(before);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(400);
		assertThat(submitted.json().path("message").asText()).contains("programmeId", "reportId");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM implementation_report WHERE programme_id = ? AND status = 'SUBMITTED'")
			.param(programmeId)
			.query(Long.class)
			.single()).as("nor was the task's own report submitted").isZero();
	}

}
