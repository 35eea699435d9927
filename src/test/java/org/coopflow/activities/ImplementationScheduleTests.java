package org.coopflow.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The schedule is configuration, not the model's: with a quarterly reporting period and ten days to
 * report, the timers and due dates follow, period after period. The settings are read when the engine
 * evaluates the timers, so the test needs an application context of its own: it runs in the JVM of the
 * restart tests (a second context beside the cached one would take over Camunda's static engine
 * registry, and Tasklist tests would then talk to this context's engine), and closes its context after.
 */
@Tag("restarts")
@DirtiesContext
@CoopflowTest
@TestPropertySource(properties = { "coopflow.activities.progress-report-cycle=R/P3M",
		"coopflow.activities.report-reminder=P10D", "coopflow.activities.report-escalation=P20D" })
class ImplementationScheduleTests {

	private static final Instant START = Instant.parse("2027-01-15T08:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	/** What the task's form shows when it is opened now. */
	private Object shown(String taskId, String fact) {
		return forms.getTaskFormVariables(taskId).get(fact);
	}

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	ProcessEngineConfiguration configuration;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void pauseTheJobExecutor() {
		((ProcessEngineConfigurationImpl) configuration).getJobExecutor().shutdown();
		ClockUtil.setCurrentTime(Date.from(START));
	}

	@AfterEach
	void restart() {
		ClockUtil.reset();
		((ProcessEngineConfigurationImpl) configuration).getJobExecutor().start();
	}

	private Job job(String instance, String activityId) {
		return management.createJobQuery().processInstanceId(instance).activityId(activityId).singleResult();
	}

	private Task task(String instance, String key) {
		return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
	}

	private void complete(Task task, String user, Map<String, Object> variables) {
		identity.setAuthentication(user, List.of("PROGRAMME_OFFICER_CPCJD"));
		try {
			tasks.complete(task.getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private void fire(Job job) {
		ClockUtil.setCurrentTime(job.getDuedate());
		management.executeJob(job.getId());
	}

	@Test
	void aQuarterlyScheduleDueInTenDaysIsFollowedPeriodAfterPeriod() {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port));
		long programmeId = fixtures.fundedProgramme("10000.00", "donorNorway", "10000");
		String instance = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(ImplementationProcess.businessKey(programmeId))
			.singleResult()
			.getId();
		fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Training of probation officers"));
		complete(task(instance, Tasks.PLAN_ACTIVITIES), "officerCpcjd", Map.of());

		Job firstPeriod = job(instance, "Timer_ProgressReportDue");
		assertThat(firstPeriod.getDuedate().toInstant()).isEqualTo(START.atZone(ZoneOffset.UTC).plusMonths(3).toInstant());
		fire(firstPeriod);
		Task first = task(instance, Tasks.SUBMIT_PROGRESS_REPORT);
		Instant firstDue = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(10));
		assertThat(first.getDueDate().toInstant()).isEqualTo(firstDue);
		assertThat(job(instance, "Timer_ProgressReportOverdue").getDuedate().toInstant()).isEqualTo(firstDue);
		assertThat(job(instance, "Timer_ProgressReportEscalated").getDuedate().toInstant())
			.isEqualTo(firstDue.plus(Duration.ofDays(10)));
		assertThat(shown(first.getId(), "reportPeriod").toString()).startsWith("15 January 2027 to 15 April 2027");
		complete(first, "officerCpcjd", Map.of("reportSummary", "First quarter: curriculum written."));
		complete(task(instance, Tasks.REVIEW_PROGRESS_REPORT), "reviewerCpcjd", Map.of("reportAccepted", true));

		// the next quarter's report follows on from the day after the last one's period
		Job secondPeriod = job(instance, "Timer_ProgressReportDue");
		assertThat(secondPeriod.getDuedate().toInstant()).isEqualTo(START.atZone(ZoneOffset.UTC).plusMonths(6).toInstant());
		fire(secondPeriod);
		Task second = task(instance, Tasks.SUBMIT_PROGRESS_REPORT);
		assertThat(shown(second.getId(), "reportPeriod").toString()).startsWith("16 April 2027 to 15 July 2027");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM implementation_report WHERE programme_id = ? AND kind = 'PROGRESS'")
			.param(programmeId).query(Long.class).single()).isEqualTo(2);
	}

}
