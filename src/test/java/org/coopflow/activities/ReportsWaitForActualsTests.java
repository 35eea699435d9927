package org.coopflow.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.activities.ImplementationProcess.Tasks;
import org.coopflow.results.ResultFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Submit progress report" and "Submit final report" wait until every reporting period of the programme's
 * indicators that has ended has an actual with a comment, or the reason why it is missing: refused naming
 * the indicator, through the engine's API (as Tasklist completes) and through engine-rest alike. The
 * engine's clock starts on 1 March 2027 and moves with the timers, as in the implementation process test.
 */
@CoopflowTest
class ReportsWaitForActualsTests {

	private static final String OFFICER = "officerCpcjd";

	private static final Instant START = Instant.parse("2027-03-01T09:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	ProcessEngineConfiguration configuration;

	@Autowired
	JdbcClient jdbc;

	ImplementationFixtures fixtures;

	ResultFixtures results;

	TestHttp api;

	@BeforeEach
	void setUp() {
		((ProcessEngineConfigurationImpl) configuration).getJobExecutor().shutdown();
		ClockUtil.setCurrentTime(Date.from(START));
		api = TestHttp.api(port);
		fixtures = new ImplementationFixtures(api);
		results = new ResultFixtures(api);
	}

	@AfterEach
	void tearDown() {
		identity.clearAuthentication();
		ClockUtil.reset();
		((ProcessEngineConfigurationImpl) configuration).getJobExecutor().start();
	}

	private String instanceOf(long programmeId) {
		return runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(ImplementationProcess.businessKey(programmeId))
			.singleResult()
			.getId();
	}

	private Task task(String instance, String key) {
		List<Task> found = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
		assertThat(found).as("open task " + key).isNotEmpty();
		return found.get(0);
	}

	private void complete(Task task, Map<String, Object> variables) {
		completeAs(OFFICER, task, variables);
	}

	private void completeAs(String user, Task task, Map<String, Object> variables) {
		identity.setAuthentication(user, List.of("PROGRAMME_OFFICER_CPCJD"));
		try {
			tasks.complete(task.getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/** Moves the engine's clock to the job's due date and runs it, as the job executor would. */
	private void fire(String instance, String activityId) {
		Job job = management.createJobQuery().processInstanceId(instance).activityId(activityId).singleResult();
		if (job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
			ClockUtil.setCurrentTime(job.getDuedate());
		}
		management.executeJob(job.getId());
	}

	private TestHttp.Response completeThroughEngineRest(Task task, String summary) {
		fixtures.pledges()
			.step("POST", "/engine-rest/task/" + task.getId() + "/claim", OFFICER, "{\"userId\": \"" + OFFICER + "\"}", 204);
		return api.send("POST", "/engine-rest/task/" + task.getId() + "/complete", OFFICER, "application/json",
				"{\"variables\": {\"reportSummary\": {\"value\": \"" + summary + "\"}}}");
	}

	/** A funded programme whose judges-trained indicator reports on three half-year periods around START. */
	private record Underway(long programmeId, String instance, long activityId, JsonNode indicator) {
	}

	private Underway underway() {
		long programmeId = fixtures.fundedProgramme("40000.00", "donorNorway", "40000");
		String instance = instanceOf(programmeId);
		JsonNode indicator = results.resultWithIndicator(programmeId, OFFICER, "Agreed in the inception report",
				ResultFixtures.indicator("Judges trained", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 2, 28),
						LocalDate.of(2027, 3, 1), LocalDate.of(2027, 8, 31), LocalDate.of(2027, 9, 1),
						LocalDate.of(2028, 2, 29)));
		long activityId = fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Training of judges"))
			.path("id")
			.asLong();
		complete(task(instance, Tasks.PLAN_ACTIVITIES), Map.of());
		return new Underway(programmeId, instance, activityId, indicator);
	}

	@Test
	void aProgressReportWithoutActualsIsRefusedNamingTheIndicatorAndAcceptedOnceTheyAreRecorded() {
		Underway programme = underway();
		fire(programme.instance(), "Timer_ProgressReportDue");
		Task submit = task(programme.instance(), Tasks.SUBMIT_PROGRESS_REPORT);

		// both periods before 1 September 2027 have ended without an actual
		assertThatThrownBy(() -> complete(submit, Map.of("reportSummary", "Forty judges trained.")))
			.hasMessageContaining("indicators/" + programme.indicator().path("id").asLong())
			.hasMessageContaining("Judges trained")
			.hasMessageContaining("1 September 2026 to 28 February 2027")
			.hasMessageContaining("1 March 2027 to 31 August 2027");
		results.actual(programme.programmeId(), programme.indicator(), 0, "18", "Attendance lists of the judicial academy");
		assertThatThrownBy(() -> complete(submit, Map.of("reportSummary", "Forty judges trained.")))
			.as("one period still lacks its actual")
			.hasMessageContaining("1 March 2027 to 31 August 2027")
			.hasMessageNotContaining("28 February 2027");
		assertThat(jdbc.sql("SELECT status FROM implementation_report WHERE programme_id = ?")
			.param(programme.programmeId())
			.query(String.class)
			.single()).as("nothing was submitted").isEqualTo("DUE");

		fixtures.pledges().step("PUT", ResultFixtures.period(programme.programmeId(), programme.indicator(), 1) + "/actual",
				OFFICER, "{\"missingReason\": \"The academy was closed by floods from May\"}", 200);
		complete(submit, Map.of("reportSummary", "Forty judges trained."));
		assertThat(tasks.createTaskQuery().processInstanceId(programme.instance())
			.taskDefinitionKey(Tasks.REVIEW_PROGRESS_REPORT).count()).isOne();
	}

	@Test
	void engineRestRefusesTheProgressReportAndTheFinalReportWith400NamingTheIndicator() {
		Underway programme = underway();
		long indicatorId = programme.indicator().path("id").asLong();
		results.actual(programme.programmeId(), programme.indicator(), 0, "18", "Attendance lists");
		fire(programme.instance(), "Timer_ProgressReportDue");

		TestHttp.Response refused = completeThroughEngineRest(task(programme.instance(), Tasks.SUBMIT_PROGRESS_REPORT),
				"Forty judges trained.");
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("message").asText()).contains("indicators/" + indicatorId, "Judges trained",
				"1 March 2027 to 31 August 2027");
		results.actual(programme.programmeId(), programme.indicator(), 1, "25", "Attendance lists");
		TestHttp.Response accepted = completeThroughEngineRest(task(programme.instance(), Tasks.SUBMIT_PROGRESS_REPORT),
				"Forty judges trained.");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
		completeAs("reviewerCpcjd", task(programme.instance(), Tasks.REVIEW_PROGRESS_REPORT), Map.of("reportAccepted", true));

		// the activity ends after the last period: the final report waits for its actual too
		ClockUtil.setCurrentTime(Date.from(LocalDate.of(2028, 3, 2).atStartOfDay().toInstant(ZoneOffset.UTC)));
		complete(tasks.createTaskQuery().processInstanceId(programme.instance())
			.taskDefinitionKey(Tasks.COMPLETE_ACTIVITY).singleResult(), Map.of("actualStart", "2027-03-15", "actualEnd", "2028-02-20"));
		Task submitFinal = task(programme.instance(), Tasks.SUBMIT_FINAL_REPORT);
		refused = completeThroughEngineRest(submitFinal, "All done.");
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("message").asText()).contains("indicators/" + indicatorId, "Judges trained",
				"1 September 2027 to 29 February 2028");
		results.actual(programme.programmeId(), programme.indicator(), 2, "41", "Attendance lists");
		accepted = completeThroughEngineRest(submitFinal, "All done.");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
	}

}
