package org.coopflow.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.workflow.CoversProcess;
import org.coopflow.activities.ImplementationProcess.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of the activity implementation process on the real engine and database, driven as
 * officers drive it: activities planned through the API, tasks completed as Tasklist completes them.
 * The engine's clock is set and moved for the schedule and the overdue reports; the job executor is
 * paused meanwhile and each timer's job executed by the test, so that nothing races it. Together the tests
 * pass every element and flow of the model; the process test coverage library fails the class otherwise
 * ({@link CoversProcess}).
 */
@CoopflowTest
@CoversProcess(ImplementationProcess.KEY)
class ActivityImplementationProcessTests {


	private static final String OFFICER = "officerCpcjd";

	private static final String REVIEWER = "reviewerCpcjd";

	private static final Instant START = Instant.parse("2027-03-01T09:00:00Z");

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
	HistoryService history;

	@Autowired
	IdentityService identity;

	@Autowired
	ProcessEngineConfiguration configuration;

	@Autowired
	JdbcClient jdbc;

	ImplementationFixtures fixtures;

	@BeforeEach
	void setUp() {
		((ProcessEngineConfigurationImpl) configuration).getJobExecutor().shutdown();
		ClockUtil.setCurrentTime(Date.from(START));
		fixtures = new ImplementationFixtures(TestHttp.api(port));
	}

	@AfterEach
	void tearDown() {
		identity.clearAuthentication();
		ClockUtil.reset();
		((ProcessEngineConfigurationImpl) configuration).getJobExecutor().start();
	}

	// --- helpers -----------------------------------------------------------------------------------

	private String instanceOf(long programmeId) {
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ImplementationProcess.KEY)
			.processInstanceBusinessKey(ImplementationProcess.businessKey(programmeId))
			.singleResult();
		assertThat(instance).as("implementation of programme " + programmeId).isNotNull();
		return instance.getId();
	}

	private List<String> openTasks(String instance) {
		return tasks.createTaskQuery().processInstanceId(instance).list().stream().map(Task::getTaskDefinitionKey).sorted().toList();
	}

	private Task task(String instance, String key) {
		List<Task> found = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
		assertThat(found).as("open task " + key).isNotEmpty();
		return found.get(0);
	}

	private Task taskOfActivity(String instance, String key, long activityId) {
		return tasks.createTaskQuery()
			.processInstanceId(instance)
			.taskDefinitionKey(key)
			.list()
			.stream()
			.filter(t -> Long.valueOf(activityId).equals(tasks.getVariable(t.getId(), "activityId")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + key + " for activity " + activityId));
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

	private Job job(String instance, String activityId) {
		List<Job> jobs = management.createJobQuery().processInstanceId(instance).activityId(activityId).list();
		assertThat(jobs).as("job of " + activityId).isNotEmpty();
		return jobs.get(0);
	}

	/** Moves the engine's clock to the job's due date and runs it, as the job executor would. */
	private void fire(String instance, String activityId) {
		Job job = job(instance, activityId);
		if (job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
			ClockUtil.setCurrentTime(job.getDuedate());
		}
		management.executeJob(job.getId());
	}

	private Set<String> passed(String instance) {
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance)
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.collect(Collectors.toSet());
	}

	private JsonNode get(String path) {
		return fixtures.pledges().step("GET", path, OFFICER, null, 200);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
	}

	private Map<String, Object> dates() {
		return Map.of("actualStart", today().minusDays(10).toString(), "actualEnd", today().toString());
	}

	private String reportStatus(long programmeId, String kind) {
		return jdbc.sql("SELECT status FROM implementation_report WHERE programme_id = ? AND kind = ? ORDER BY id DESC")
			.params(programmeId, kind)
			.query(String.class)
			.list()
			.get(0);
	}

	// --- paths -------------------------------------------------------------------------------------

	@Test
	void aFundedProgrammeIsPlannedCarriedOutReportedOnAndClosedWithItsUnspentFundsDecided() {
		long programmeId = fixtures.fundedProgramme("100000.00", "donorNorway", "100000");
		String instance = instanceOf(programmeId);
		assertThat(openTasks(instance)).containsExactly(Tasks.PLAN_ACTIVITIES);
		assertThat(shown(task(instance, Tasks.PLAN_ACTIVITIES).getId(), "plannedActivities"))
			.asString().startsWith("No activity planned yet.");
		assertThatThrownBy(() -> complete(task(instance, Tasks.PLAN_ACTIVITIES), OFFICER, Map.of()))
			.hasMessageContaining("no activity planned");

		var training = ImplementationFixtures.activity("TRAINING", "Training of prison staff");
		var milestones = training.putArray("milestones");
		milestones.addObject().put("title", "Curriculum agreed").put("due", today().plusDays(20).toString());
		milestones.addObject().put("title", "Trainers trained").put("due", today().plusDays(50).toString());
		long trainingId = fixtures.plan(programmeId, training).path("id").asLong();
		long adviceId = fixtures.plan(programmeId, ImplementationFixtures.activity("ADVISORY_SERVICES", "Advice on bail"))
			.path("id")
			.asLong();
		complete(task(instance, Tasks.PLAN_ACTIVITIES), OFFICER, Map.of());

		// planning is over: both activities run, the training's milestones one after the other
		assertThat(get("/api/activities/" + trainingId).path("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(openTasks(instance)).containsExactly(Tasks.COMPLETE_ACTIVITY, Tasks.COMPLETE_MILESTONE);
		fixtures.pledges().step("POST", "/api/programmes/" + programmeId + "/activities", OFFICER,
				ImplementationFixtures.activity("TRAINING", "Too late").toString(), 409);
		Task first = taskOfActivity(instance, Tasks.COMPLETE_MILESTONE, trainingId);
		assertThat(shown(first.getId(), "milestoneTitle")).isEqualTo("Curriculum agreed");
		complete(first, OFFICER, Map.of("milestoneNote", "Agreed with the prison academy"));
		Task second = taskOfActivity(instance, Tasks.COMPLETE_MILESTONE, trainingId);
		assertThat(shown(second.getId(), "milestoneTitle")).isEqualTo("Trainers trained");
		complete(second, OFFICER, Map.of());
		JsonNode milestonesDone = get("/api/activities/" + trainingId).path("milestones");
		assertThat(milestonesDone.get(0).path("completedBy").asText()).isEqualTo(OFFICER);
		assertThat(milestonesDone.get(0).path("note").asText()).isEqualTo("Agreed with the prison academy");
		assertThat(milestonesDone.get(1).path("completedAt").isTextual()).isTrue();

		// the reporting period passes: a progress report, returned once by a second officer, then accepted
		Job period = job(instance, "Timer_ProgressReportDue");
		assertThat(period.getDuedate().toInstant()).isEqualTo(START.atZone(ZoneOffset.UTC).plusMonths(6).toInstant());
		fire(instance, "Timer_ProgressReportDue");
		Task submit = task(instance, Tasks.SUBMIT_PROGRESS_REPORT);
		assertThat(submit.getDueDate().toInstant()).isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30)));
		assertThat(shown(submit.getId(), "reportPeriod").toString()).startsWith("1 March 2027 to 1 September 2027");
		assertThatThrownBy(() -> complete(submit, OFFICER, Map.of("reportSummary", " "))).hasMessageContaining("reportSummary");
		complete(submit, OFFICER, Map.of("reportSummary", "Curriculum agreed; 40 trainers trained."));
		Task review = task(instance, Tasks.REVIEW_PROGRESS_REPORT);
		assertThat(shown(review.getId(), "reportSummary")).isEqualTo("Curriculum agreed; 40 trainers trained.");
		assertThatThrownBy(() -> complete(review, OFFICER, Map.of("reportAccepted", true)))
			.as("four eyes: the review is revoked from its submitter").isInstanceOf(AuthorizationException.class);
		// and were it handed to the submitter by someone allowed to, the record refuses it still
		tasks.setAssignee(review.getId(), OFFICER);
		assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("reportAccepted", true)))
			.as("four eyes").hasMessageContaining("second officer");
		tasks.setAssignee(review.getId(), null);
		assertThatThrownBy(() -> complete(review, REVIEWER, Map.of("reportAccepted", false)))
			.hasMessageContaining("reviewComment");
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(12))));
		complete(review, REVIEWER, Map.of("reportAccepted", false, "reviewComment", "Say how many were women"));
		Task again = task(instance, Tasks.SUBMIT_PROGRESS_REPORT);
		assertThat(shown(again.getId(), "reviewComment")).isEqualTo("Say how many were women");
		Instant revisionDue = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30));
		assertThat(again.getDueDate().toInstant()).as("the revision has a deadline of its own").isEqualTo(revisionDue);
		assertThat(jdbc.sql("SELECT due_at FROM implementation_report WHERE programme_id = ?").param(programmeId)
			.query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(revisionDue.truncatedTo(ChronoUnit.SECONDS));
		complete(again, OFFICER, Map.of("reportSummary", "Curriculum agreed; 40 trainers trained, 22 of them women."));
		Task secondReview = task(instance, Tasks.REVIEW_PROGRESS_REPORT);
		assertThat(tasks.getVariable(secondReview.getId(), "reportAccepted"))
			.as("the first review's decision is not offered again").isNull();
		assertThatThrownBy(() -> complete(secondReview, REVIEWER, Map.of())).hasMessageContaining("reportAccepted");
		complete(secondReview, REVIEWER, Map.of("reportAccepted", true));
		assertThat(reportStatus(programmeId, "PROGRESS")).isEqualTo("ACCEPTED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM implementation_report WHERE programme_id = ?").param(programmeId)
			.query(Long.class).single()).as("the returned report was revised, not duplicated").isEqualTo(1);

		fixtures.pledges().step("POST", "/api/activities/" + trainingId + "/expenditures", OFFICER,
				ImplementationFixtures.expenditure("60000.00").toString(), 201);
		assertThatThrownBy(() -> complete(taskOfActivity(instance, Tasks.COMPLETE_ACTIVITY, trainingId), OFFICER,
				Map.of("actualStart", today().toString(), "actualEnd", today().minusDays(3).toString())))
			.hasMessageContaining("actualEnd");
		complete(taskOfActivity(instance, Tasks.COMPLETE_ACTIVITY, trainingId), OFFICER, dates());
		complete(taskOfActivity(instance, Tasks.COMPLETE_ACTIVITY, adviceId), OFFICER, dates());
		JsonNode completed = get("/api/activities/" + trainingId);
		assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
		assertThat(completed.path("actualEnd").asText()).isEqualTo(today().toString());

		// every activity is done: the final report goes to the donors, and the unspent 40,000 are decided
		assertThat(openTasks(instance)).containsExactly(Tasks.SUBMIT_FINAL_REPORT);
		assertThat(management.createJobQuery().processInstanceId(instance).activityId("Timer_ProgressReportDue").count())
			.as("no more progress reports").isZero();
		complete(task(instance, Tasks.SUBMIT_FINAL_REPORT), OFFICER, Map.of("reportSummary", "All done."));
		fire(instance, "Task_SendReportToDonors");
		assertThat(jdbc.sql("SELECT sent_to_donors_at FROM implementation_report WHERE programme_id = ? AND kind = 'FINAL'")
			.param(programmeId).query(java.sql.Timestamp.class).single()).as("sent to the donors").isNotNull();
		Task unspent = task(instance, Tasks.RECORD_UNSPENT_FUNDS_CHOICE);
		assertThat(shown(unspent.getId(), "unspentSummary").toString()).contains("left USD 40,000");
		assertThatThrownBy(() -> complete(unspent, OFFICER, Map.of("unspentFundsChoice", "KEEP", "unspentFundsReason", "x")))
			.hasMessageContaining("RETURN or REPROGRAMME");
		complete(unspent, OFFICER, Map.of("unspentFundsChoice", "REPROGRAMME", "unspentFundsReason",
				"Norway agreed to fund the follow-up training in Uganda"));

		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
		assertThat(get("/api/programmes/" + programmeId).path("status").asText()).isEqualTo("CLOSED");
		var closed = jdbc.sql("SELECT stage, unspent_amount, unspent_choice, unspent_decided_by FROM implementation WHERE programme_id = ?")
			.param(programmeId)
			.query((rs, n) -> List.of(rs.getString(1), rs.getBigDecimal(2).toPlainString(), rs.getString(3), rs.getString(4)))
			.single();
		assertThat(closed).containsExactly("CLOSED", "40000.00", "REPROGRAMME", OFFICER);
		assertThat(jdbc.sql("SELECT body FROM notification_outbox WHERE event_key = ? AND recipient = ?")
			.params("unspent-funds:" + programmeId, "donor.norway@example.org")
			.query(String.class)
			.single()).as("the donor is told what becomes of its money")
			.contains("USD 40,000 unspent", "reprogrammed", "Norway agreed to fund the follow-up training in Uganda");

		// what the process produced is what the donor's pledge report shows
		long pledgeId = jdbc.sql("SELECT id FROM pledge WHERE allocated_programme_id = ?").param(programmeId)
			.query(Long.class).single();
		JsonNode report = fixtures.pledges().step("GET", "/api/pledges/" + pledgeId + "/report", "donorNorway", null, 200);
		assertThat(report.path("reports").findValuesAsText("summary")).containsExactly(
				"Curriculum agreed; 40 trainers trained, 22 of them women.", "All done.");
		assertThat(report.path("activities").findValuesAsText("status")).containsExactlyInAnyOrder("COMPLETED", "COMPLETED");
		assertThat(report.path("money").path("spent").path("amount").decimalValue()).isEqualByComparingTo("60000");
		assertThat(report.path("programme").path("unspentFunds").path("choice").asText()).isEqualTo("REPROGRAMME");
		assertThat(report.path("programme").path("status").asText()).isEqualTo("CLOSED");
		assertThat(passed(instance)).contains("EndEvent_ProgrammeClosed", "EndEvent_ProgressReportAccepted");
		fixtures.pledges().step("POST", "/api/activities/" + trainingId + "/expenditures", OFFICER,
				ImplementationFixtures.expenditure("1.00").toString(), 409);
	}

	@Test
	void overdueReportsRemindTheOfficersAndThenTheCoordinator() {
		long programmeId = fixtures.fundedProgramme("10000.00", "donorNorway", "10000");
		String instance = instanceOf(programmeId);
		long id = fixtures.plan(programmeId, ImplementationFixtures.activity("ADVISORY_SERVICES", "Advice")).path("id").asLong();
		complete(task(instance, Tasks.PLAN_ACTIVITIES), OFFICER, Map.of());
		fire(instance, "Timer_ProgressReportDue");
		fire(instance, "Timer_ProgressReportOverdue");
		var stamps = jdbc.sql("SELECT reminded_at, escalated_at FROM implementation_report WHERE programme_id = ?")
			.param(programmeId)
			.query((rs, n) -> new java.sql.Timestamp[] { rs.getTimestamp(1), rs.getTimestamp(2) })
			.single();
		assertThat(stamps[0]).as("reminded").isNotNull();
		assertThat(stamps[1]).as("not yet escalated").isNull();
		assertThat(get("/api/programmes/" + programmeId + "/activities")).hasSize(1);
		fire(instance, "Timer_ProgressReportEscalated");
		assertThat(jdbc.sql("SELECT escalated_at FROM implementation_report WHERE programme_id = ?").param(programmeId)
			.query(java.sql.Timestamp.class).single()).isNotNull();
		assertThat(passed(instance)).contains("EndEvent_ProgressReportReminded", "EndEvent_ProgressReportEscalated");
		assertThat(openTasks(instance)).contains(Tasks.SUBMIT_PROGRESS_REPORT);

		complete(taskOfActivity(instance, Tasks.COMPLETE_ACTIVITY, id), OFFICER, dates());
		fire(instance, "Timer_FinalReportOverdue");
		fire(instance, "Timer_FinalReportEscalated");
		var finalStamps = jdbc.sql("SELECT reminded_at, escalated_at FROM implementation_report WHERE programme_id = ? AND kind = 'FINAL'")
			.param(programmeId)
			.query((rs, n) -> new java.sql.Timestamp[] { rs.getTimestamp(1), rs.getTimestamp(2) })
			.single();
		assertThat(finalStamps).doesNotContainNull();
		assertThat(passed(instance)).contains("EndEvent_FinalReportReminded", "EndEvent_FinalReportEscalated");

		// the programme closes with its progress report never submitted: the final report supersedes it, and
		// nothing is left to remind anyone of a closed programme
		complete(task(instance, Tasks.SUBMIT_FINAL_REPORT), OFFICER, Map.of("reportSummary", "Advice given."));
		fire(instance, "Task_SendReportToDonors");
		complete(task(instance, Tasks.RECORD_UNSPENT_FUNDS_CHOICE), OFFICER,
				Map.of("unspentFundsChoice", "RETURN", "unspentFundsReason", "Nothing was spent"));
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
		assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).isZero();
		assertThat(management.createJobQuery().processInstanceId(instance).count()).isZero();
		assertThat(reportStatus(programmeId, "PROGRESS")).isEqualTo("SUPERSEDED");
		assertThat(reportStatus(programmeId, "FINAL")).isEqualTo("SUBMITTED");
		assertThat(get("/api/programmes/" + programmeId).path("status").asText()).isEqualTo("CLOSED");
	}

	@Test
	void aProgrammeThatSpentAllItReceivedClosesWithoutAChoiceAndACancelledActivityDropsOut() {
		long programmeId = fixtures.openProgramme("20000.00", "USD");
		// Japan announced a pledge that was never agreed: it funds nothing, sees nothing and is sent nothing
		long announced = fixtures.pledges()
			.create("donorJapan", org.coopflow.pledges.PledgeFixtures.toProgramme("5000.00", "USD", programmeId))
			.path("id").asLong();
		assertThat(announced).isPositive();
		fixtures.pledge(programmeId, "donorNorway", "20000.00", "20000");
		fixtures.markFunded(programmeId);
		String instance = instanceOf(programmeId);
		long kept = fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Kept")).path("id").asLong();
		var dropped = ImplementationFixtures.activity("ADVISORY_SERVICES", "Dropped");
		dropped.putArray("milestones").addObject().put("title", "Never reached").put("due", today().plusDays(5).toString());
		long droppedId = fixtures.plan(programmeId, dropped).path("id").asLong();
		complete(task(instance, Tasks.PLAN_ACTIVITIES), OFFICER, Map.of());
		assertThat(openTasks(instance)).containsExactly(Tasks.COMPLETE_ACTIVITY, Tasks.COMPLETE_MILESTONE);

		fixtures.pledges().step("PUT", "/api/activities/" + droppedId + "/cancellation", OFFICER,
				"{\"reason\": \"The ministry withdrew its request\"}", 200);
		assertThat(openTasks(instance)).as("the cancelled activity's milestone task is gone")
			.containsExactly(Tasks.COMPLETE_ACTIVITY);
		assertThat(passed(instance)).contains("StartEvent_ActivityCancelled", "EndEvent_ActivityCancelled");

		fixtures.pledges().step("POST", "/api/activities/" + kept + "/expenditures", OFFICER,
				ImplementationFixtures.expenditure("20000.00").toString(), 201);
		complete(taskOfActivity(instance, Tasks.COMPLETE_ACTIVITY, kept), OFFICER, dates());
		complete(task(instance, Tasks.SUBMIT_FINAL_REPORT), OFFICER, Map.of("reportSummary", "Done within budget."));
		fire(instance, "Task_SendReportToDonors");
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
		assertThat(passed(instance)).doesNotContain(Tasks.RECORD_UNSPENT_FUNDS_CHOICE).contains("EndEvent_ProgrammeClosed");
		assertThat(get("/api/programmes/" + programmeId).path("status").asText()).isEqualTo("CLOSED");
		assertThat(jdbc.sql("SELECT sent_to_donors_at FROM implementation_report WHERE programme_id = ? AND kind = 'FINAL'")
			.param(programmeId).query(java.sql.Timestamp.class).single()).isNotNull();
		long finalReport = jdbc.sql("SELECT id FROM implementation_report WHERE programme_id = ? AND kind = 'FINAL'")
			.param(programmeId).query(Long.class).single();
		assertThat(jdbc.sql("SELECT recipient FROM notification_outbox WHERE event_key = ?")
			.param("report-sent:" + finalReport).query(String.class).list())
			.as("the final report goes to the donor whose agreed pledge funded the programme, and only to it")
			.containsExactly("donor.norway@example.org");
		assertThat(TestHttp.api(port).get("/api/programmes/" + programmeId + "/activities", "donorJapan").status())
			.isEqualTo(404);
		assertThat(TestHttp.api(port).get("/api/programmes/" + programmeId + "/activities", "donorNorway").status())
			.isEqualTo(200);
	}

	@Test
	void aTranslationASurveyAndAnExpertMeetingRecordWhatTheirTypeNeeds() {
		long programmeId = fixtures.fundedProgramme("30000.00", "donorNorway", "30000");
		String instance = instanceOf(programmeId);
		long translation = fixtures.plan(programmeId, ImplementationFixtures.activity("COMPENDIUM_TRANSLATION", "Compendium in Swahili"))
			.path("id").asLong();
		long survey = fixtures.plan(programmeId, ImplementationFixtures.activity("SURVEY_SUPPORT", "Prison questionnaire"))
			.path("id").asLong();
		long meeting = fixtures.plan(programmeId, ImplementationFixtures.activity("EXPERT_MEETING", "Experts on the draft rules"))
			.path("id").asLong();
		complete(task(instance, Tasks.PLAN_ACTIVITIES), OFFICER, Map.of());
		assertThat(openTasks(instance)).containsExactly(Tasks.COLLECT_SURVEY_REPLIES, Tasks.RECORD_MEETING_REPORT,
				Tasks.RECORD_TRANSLATED_EDITION);

		Task edition = taskOfActivity(instance, Tasks.RECORD_TRANSLATED_EDITION, translation);
		assertThatThrownBy(() -> complete(edition, OFFICER, Map.of("editionLanguage", "qq", "editionMemberState", "KE",
				"editionTitle", "Mkusanyiko"))).hasMessageContaining("editionLanguage");
		complete(edition, OFFICER, Map.of("editionLanguage", "sw", "editionMemberState", "KE", "editionTitle",
				"Mkusanyiko wa Viwango", "editionPublishedOn", today().toString()));
		assertThat(get("/api/activities/" + translation + "/translated-edition").path("recordedBy").asText()).isEqualTo(OFFICER);
		assertThat(runtime.getVariables(instance)).as("the next translation's form opens empty")
			.doesNotContainKeys("editionLanguage", "editionMemberState", "editionTitle", "editionPublishedOn");

		Task collect = taskOfActivity(instance, Tasks.COLLECT_SURVEY_REPLIES, survey);
		assertThat(shown(collect.getId(), "surveySummary"))
			.isEqualTo("No Member State has been asked about a standard yet.");
		assertThatThrownBy(() -> complete(collect, OFFICER, Map.of())).hasMessageContaining("surveyRequests");
		fixtures.pledges().step("POST", "/api/activities/" + survey + "/survey/requests", OFFICER,
				"{\"memberState\": \"NO\", \"standard\": \"SMR-PRISONERS\"}", 201);
		fire(instance, "Timer_SurveyReminderDue");
		assertThat(get("/api/activities/" + survey + "/survey").path("requests").get(0).path("reminders").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE event_key LIKE ? AND recipient = ?")
			.params("survey-replies-outstanding:" + survey + ":NO:%", "donor.norway@example.org")
			.query(Long.class).single()).isEqualTo(1);
		complete(collect, OFFICER, Map.of());

		Task report = taskOfActivity(instance, Tasks.RECORD_MEETING_REPORT, meeting);
		Map<String, Object> answers = Map.of("answerDuplication", "No duplication", "answerNecessity", "Needed",
				"answerLegalSystems", "Fits common-law and civil-law systems");
		assertThatThrownBy(() -> complete(report, OFFICER, answers)).hasMessageContaining("participants")
			.hasMessageContaining("funding");
		fixtures.pledges().step("POST", "/api/activities/" + meeting + "/meeting/participants", OFFICER,
				"{\"name\": \"Wanjiru Kamau\", \"country\": \"KE\", \"affiliation\": \"University of Nairobi\", "
						+ "\"personalCapacity\": true}", 201);
		fixtures.pledges().step("PUT", "/api/activities/" + meeting + "/meeting/funding", OFFICER,
				"{\"amount\": \"45000\", \"currency\": \"EUR\", \"source\": \"Austria\"}", 200);
		complete(report, OFFICER, answers);
		assertThat(runtime.getVariables(instance)).as("the next meeting's form opens empty")
			.doesNotContainKeys("answerDuplication", "answerNecessity", "answerLegalSystems");
		assertThat(get("/api/activities/" + meeting + "/meeting").path("report").path("answerNecessity").asText())
			.isEqualTo("Needed");

		assertThat(openTasks(instance)).containsExactly(Tasks.COMPLETE_ACTIVITY, Tasks.COMPLETE_ACTIVITY,
				Tasks.COMPLETE_ACTIVITY);
		assertThat(passed(instance)).contains("Task_RemindNonRespondents", "EndEvent_NonRespondentsReminded");
	}

}
