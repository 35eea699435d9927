package org.coopflow.overlap;

import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.coopflow.overlap.AlertReview.AlertFacts;
import org.coopflow.overlap.AlertReview.ProgrammeSide;
import org.coopflow.overlap.OverlapReviewProcess.Elements;
import org.coopflow.overlap.OverlapReviewProcess.OfficeReview;
import org.coopflow.overlap.OverlapReviewProcess.Variables;
import org.coopflow.programmes.WorkingDays;
import org.coopflow.reference.Office;
import org.coopflow.security.Role;
import org.coopflow.security.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The overlap review process on an in-memory engine, with the real starter, delegates and listeners
 * around a mocked {@link AlertReview}. Together the tests walk every element and flow of the model; the
 * coverage extension fails the class otherwise.
 */
@Deployment(resources = { "bpmn/OverlapReviewProcess.bpmn", "bpmn/forms/review-overlap-alert.form",
		"bpmn/forms/settle-joint-decision.form" })
class OverlapReviewProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder("overlap-review-process.camunda.cfg.xml")
		.assertClassCoverageAtLeast(1.0)
		.build();

	static final long ALERT_ID = 7;

	static final String CPCJD_COORDINATOR = "coordinatorAlice";

	static final String OHCHR_COORDINATOR = "coordinatorBruno";

	static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

	/** A Monday morning. */
	static final ZonedDateTime START = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, VIENNA);

	static final String LONG_DESCRIPTION = "Training of prison staff on the Nelson Mandela Rules. ".repeat(100);

	ProcessEngine engine;

	AlertReview review = mock(AlertReview.class);

	UserDirectory people = mock(UserDirectory.class);

	OverlapReviews reviews;

	/** The proposals the alert keeps, as AlertRepository keeps them: by office, an office's second one replacing its first. */
	Map<String, AlertReview.Proposal> kept = new TreeMap<>();

	/**
	 * The beans the model's expressions name, over one stand-in for the alert's record, which keeps the
	 * proposals in {@code kept} as AlertRepository keeps them.
	 */
	static void registerBeans(AlertReview review, long alertId, Map<String, AlertReview.Proposal> kept) {
		doAnswer(call -> kept.put(call.getArgument(1), new AlertReview.Proposal(call.getArgument(2), call.getArgument(3),
				call.getArgument(4)))).when(review).propose(anyLong(), anyString(), any(), any(), anyString());
		when(review.proposals(alertId)).thenAnswer(call -> new TreeMap<>(kept));
		Mocks.register("workingDays", new WorkingDays(VIENNA));
		Mocks.register("alertFactsTaskListener", new AlertFactsTaskListener());
		Mocks.register("reviewOverlapAlertTaskListener", new ReviewOverlapAlertTaskListener(review));
		Mocks.register("settleJointDecisionTaskListener", new SettleJointDecisionTaskListener());
		Mocks.register("alertProposals", new AlertProposals(review));
		Mocks.register("recordJointDecisionDelegate", new RecordJointDecisionDelegate(review));
		Mocks.register("remindCoordinatorsDelegate", new RemindCoordinatorsDelegate(review));
		Mocks.register("escalateToAdministratorDelegate", new EscalateToAdministratorDelegate(review));
	}

	@BeforeEach
	void setUp() {
		registerBeans(review, ALERT_ID, kept);
		ClockUtil.setCurrentTime(Date.from(START.toInstant()));
		BpmnAwareTests.init(engine);
		when(people.displayNameOf(any())).thenAnswer(call -> "Coordinator " + call.getArgument(0));
		when(review.facts(ALERT_ID)).thenReturn(new AlertFacts(ALERT_ID, "High", "82.0 % similar", false,
				"shared standards: SMR-PRISONERS (0.30); same beneficiary institution (0.25); similar title and description (0.27)",
				new ProgrammeSide(42, "CPCJD", "Prison reform in East Africa", LONG_DESCRIPTION, "KE, TZ",
						"SMR-PRISONERS, TOKYO-RULES", "2026-07-01 to 2027-06-30", "Kenya Prisons Service", "UNOPS",
						"Overlap review"),
				new ProgrammeSide(43, "OHCHR", "Human rights in Kenyan prisons", "Monitoring detention conditions",
						"KE", "SMR-PRISONERS", "2026-09-01 to 2027-08-31", "Kenya Prisons Service", null, "Funded")));
		reviews = new OverlapReviews(engine.getRuntimeService());
	}

	/** The facts the task's form shows when it is opened now. */
	private Map<String, Object> shown(Task task) {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> new AlertTaskFacts(review, people).of(context.getTaskManager().findTaskById(task.getId())));
	}

	@AfterEach
	void tearDown() {
		engine.getIdentityService().clearAuthentication();
		Mocks.reset();
		ClockUtil.reset();
	}

	@Test
	void eachNewAlertStartsOneReviewKeyedByTheAlert() {
		ProcessInstance instance = start();
		reviews.on(new OverlapAlertRaised(ALERT_ID, 42, 43, "HIGH"));

		assertThat(instance).hasBusinessKey("alert-7").isWaitingAt(Elements.TASK_REVIEW_ALERT_CPCJD,
				Elements.TASK_REVIEW_ALERT_OHCHR);
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), Variables.ALERT_ID)).isEqualTo(ALERT_ID);
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("alert-7").count())
			.isEqualTo(1);
	}

	@Test
	void eachOfficeReviewsInParallelAndTheOtherOfficeNeverGetsItsTask() {
		ProcessInstance instance = start();

		assertThat(OfficeReview.CPCJD.candidateGroup()).isEqualTo(Role.COORDINATOR.groupOf(Office.CPCJD));
		assertThat(reviewTask(instance, OfficeReview.CPCJD)).hasCandidateGroup("COORDINATOR_CPCJD").isNotAssigned();
		assertThat(reviewTask(instance, OfficeReview.OHCHR)).hasCandidateGroup("COORDINATOR_OHCHR").isNotAssigned();
		assertThat(tasksOf("COORDINATOR_OHCHR")).containsExactly(Elements.TASK_REVIEW_ALERT_OHCHR);
		assertThat(tasksOf("COORDINATOR_CPCJD")).containsExactly(Elements.TASK_REVIEW_ALERT_CPCJD);
		assertThat(engine.getTaskService().getIdentityLinksForTask(reviewTask(instance, OfficeReview.CPCJD).getId()))
			.extracting(IdentityLink::getGroupId)
			.containsExactly("COORDINATOR_CPCJD");

		propose(instance, OfficeReview.OHCHR, OHCHR_COORDINATOR, "COMPLEMENTARY", null);

		assertThat(tasksOf("COORDINATOR_OHCHR")).isEmpty();
		assertThat(instance).isWaitingAt(Elements.TASK_REVIEW_ALERT_CPCJD);
	}

	@ParameterizedTest
	@EnumSource(CoordinatorDecision.class)
	void proposalsThatAgreeAreRecordedAsTheJointDecision(CoordinatorDecision decision) {
		ProcessInstance instance = start();

		propose(instance, OfficeReview.CPCJD, CPCJD_COORDINATOR, decision.name(), "Same prison, same rules");
		propose(instance, OfficeReview.OHCHR, OHCHR_COORDINATOR, decision.name(), "Same beneficiary");

		assertThat(instance).hasPassed(Elements.END_PROPOSALS_AGREE).isWaitingAt(Elements.TASK_RECORD_JOINT_DECISION);
		execute(job(instance));
		verify(review).decide(ALERT_ID, decision, "CPCJD: Same prison, same rules\nOHCHR: Same beneficiary",
				List.of(CPCJD_COORDINATOR, OHCHR_COORDINATOR));
		assertThat(instance).hasPassed(Elements.END_ALERT_DECIDED).hasNotPassed(Elements.TASK_SETTLE_JOINT_DECISION).isEnded();
	}

	@Test
	void aReasonOnlyOneOfficeGaveIsRecordedAsTheirs() {
		ProcessInstance instance = start();

		propose(instance, OfficeReview.CPCJD, CPCJD_COORDINATOR, "COMPLEMENTARY", null);
		propose(instance, OfficeReview.OHCHR, OHCHR_COORDINATOR, "COMPLEMENTARY", "Ours monitors, theirs trains");
		execute(job(instance));

		verify(review).decide(ALERT_ID, CoordinatorDecision.COMPLEMENTARY, "OHCHR: Ours monitors, theirs trains",
				List.of(CPCJD_COORDINATOR, OHCHR_COORDINATOR));
	}

	@Test
	void proposalsThatDifferAreSettledByBothOfficesTogether() {
		ProcessInstance instance = start();
		propose(instance, OfficeReview.CPCJD, CPCJD_COORDINATOR, "COMPLEMENTARY", null);
		propose(instance, OfficeReview.OHCHR, OHCHR_COORDINATOR, "OVERLAP_MERGE", "The same training twice");

		assertThat(instance).isWaitingAt(Elements.TASK_SETTLE_JOINT_DECISION);
		Task settle = task(instance, Elements.TASK_SETTLE_JOINT_DECISION);
		assertThat(settle).hasCandidateGroup("COORDINATOR_CPCJD").hasCandidateGroup("COORDINATOR_OHCHR").hasName(
				"Settle joint decision");
		assertThat(shown(settle))
			.containsEntry(Variables.CPCJD_PROPOSAL,
					"Complementary: link the programmes (proposed by Coordinator coordinatorAlice)")
			.containsEntry(Variables.CPCJD_PROPOSAL_REASON, "")
			.containsEntry(Variables.OHCHR_PROPOSAL,
					"Confirmed overlap: merge one programme into the other (proposed by Coordinator coordinatorBruno)")
			.containsEntry(Variables.OHCHR_PROPOSAL_REASON, "The same training twice")
			.containsEntry(Variables.SECOND_TITLE, "Human rights in Kenyan prisons");
		// the form starts empty: neither office's answer waits in the generic fields
		assertThat(engine.getTaskService().getVariable(settle.getId(), Variables.DECISION)).isNull();

		complete(settle, OHCHR_COORDINATOR, "OVERLAP_COORDINATE", "Coordinate: CPCJD trains, OHCHR monitors");

		assertThat(instance).hasPassed(Elements.END_JOINT_DECISION_SETTLED)
			.isWaitingAt(Elements.TASK_RECORD_JOINT_DECISION)
			.variables()
			.containsEntry(Variables.JOINT_DECISION, "OVERLAP_COORDINATE")
			.containsEntry(Variables.SETTLED_BY, OHCHR_COORDINATOR);
		execute(job(instance));
		verify(review).decide(ALERT_ID, CoordinatorDecision.OVERLAP_COORDINATE, "Coordinate: CPCJD trains, OHCHR monitors",
				List.of(CPCJD_COORDINATOR, OHCHR_COORDINATOR));
		assertThat(instance).hasPassed(Elements.END_ALERT_DECIDED).isEnded();
	}

	@Test
	void aThirdCoordinatorWhoSettlesIsNamedAmongThoseWhoDecided() {
		ProcessInstance instance = start();
		propose(instance, OfficeReview.CPCJD, CPCJD_COORDINATOR, "NOT_OVERLAP", "Different prisons");
		propose(instance, OfficeReview.OHCHR, OHCHR_COORDINATOR, "COMPLEMENTARY", null);

		complete(task(instance, Elements.TASK_SETTLE_JOINT_DECISION), "coordinatorCarla", "NOT_OVERLAP",
				"Different prisons, checked with both offices");
		execute(job(instance));

		verify(review).decide(ALERT_ID, CoordinatorDecision.NOT_OVERLAP, "Different prisons, checked with both offices",
				List.of(CPCJD_COORDINATOR, OHCHR_COORDINATOR, "coordinatorCarla"));
	}

	@Test
	void notAnOverlapIsRefusedWithoutAReason() {
		ProcessInstance instance = start();
		Task cpcjd = reviewTask(instance, OfficeReview.CPCJD);

		assertInvalid(() -> complete(cpcjd, CPCJD_COORDINATOR, "NOT_OVERLAP", "  "), Variables.REASON,
				"a reason is required for \"not an overlap\"");
		assertThat(instance).isWaitingAt(Elements.TASK_REVIEW_ALERT_CPCJD);

		complete(cpcjd, CPCJD_COORDINATOR, "NOT_OVERLAP", "Different prisons");
		propose(instance, OfficeReview.OHCHR, OHCHR_COORDINATOR, "COMPLEMENTARY", null);
		Task settle = task(instance, Elements.TASK_SETTLE_JOINT_DECISION);

		assertInvalid(() -> complete(settle, OHCHR_COORDINATOR, "NOT_OVERLAP", null), Variables.REASON, "a reason is required");
		assertThat(instance).isWaitingAt(Elements.TASK_SETTLE_JOINT_DECISION);
		verify(review, never()).decide(anyLong(), any(), any(), any());
	}

	@Test
	void aReviewNeedsADecisionTheProcessKnows() {
		ProcessInstance instance = start();
		Task cpcjd = reviewTask(instance, OfficeReview.CPCJD);

		assertInvalid(() -> complete(cpcjd, CPCJD_COORDINATOR, null, "No idea"), Variables.DECISION, "Choose what the offices should do");
		assertInvalid(() -> complete(cpcjd, CPCJD_COORDINATOR, "IGNORE", null), Variables.DECISION, "IGNORE is not a decision");
		assertThat(instance).isWaitingAt(Elements.TASK_REVIEW_ALERT_CPCJD);
	}

	@Test
	void aProposalIsRecordedUnderTheCoordinatorWhoMadeIt() {
		ProcessInstance instance = start();
		Task cpcjd = reviewTask(instance, OfficeReview.CPCJD);

		assertRefused(() -> engine.getTaskService()
			.complete(cpcjd.getId(), Map.of(Variables.DECISION, "COMPLEMENTARY")), "Claim the task");

		engine.getTaskService().claim(cpcjd.getId(), CPCJD_COORDINATOR);
		engine.getTaskService().complete(cpcjd.getId(), Map.of(Variables.DECISION, "COMPLEMENTARY"));

		verify(review).propose(ALERT_ID, "CPCJD", CoordinatorDecision.COMPLEMENTARY, null, CPCJD_COORDINATOR);
		// kept with the alert only: the process holds nothing the other office's coordinator could read
		assertThat(instance).variables().containsOnlyKeys(Variables.ALERT_ID);
	}

	@Test
	void theOtherOfficeProposesWithoutSeeingTheFirstProposal() {
		ProcessInstance instance = start();
		propose(instance, OfficeReview.CPCJD, CPCJD_COORDINATOR, "OVERLAP_MERGE", "Duplicate");

		Task ohchr = reviewTask(instance, OfficeReview.OHCHR);
		assertThat(engine.getTaskService().getVariable(ohchr.getId(), Variables.DECISION)).isNull();
		assertThat(engine.getTaskService().getVariable(ohchr.getId(), Variables.REASON)).isNull();
		// nor can the first office's answer stand in for a decision the second did not send
		engine.getIdentityService().setAuthenticatedUserId(OHCHR_COORDINATOR);
		assertInvalid(() -> engine.getTaskService().complete(ohchr.getId()), Variables.DECISION, "Choose what the offices should do");
	}

	@Test
	void oneCoordinatorCannotProposeForBothOffices() {
		ProcessInstance instance = start();
		propose(instance, OfficeReview.CPCJD, CPCJD_COORDINATOR, "COMPLEMENTARY", null);

		assertRefused(() -> propose(instance, OfficeReview.OHCHR, CPCJD_COORDINATOR, "COMPLEMENTARY", null),
				"coordinatorAlice already proposed a decision for CPCJD");
		assertThat(instance).isWaitingAt(Elements.TASK_REVIEW_ALERT_OHCHR);
	}

	@Test
	void everyTaskShowsBothProgrammesAndTheSignalsReadWhenTheFormOpens() throws Exception {
		ProcessInstance instance = start();
		Task cpcjd = reviewTask(instance, OfficeReview.CPCJD);

		// nothing is copied onto the task: the facts are read from the alert's record when the form opens
		assertThat(engine.getTaskService().getVariablesLocal(cpcjd.getId())).isEmpty();
		Map<String, Object> shown = shown(cpcjd);
		assertThat(shown).containsEntry(Variables.SEVERITY, "High")
			.containsEntry(Variables.SCORE, "82.0 % similar")
			.containsEntry(Variables.PAIRING, "Across the two offices")
			.containsEntry(Variables.FIRST_TITLE, "Prison reform in East Africa")
			.containsEntry(Variables.FIRST_OFFICE, "CPCJD")
			.containsEntry(Variables.FIRST_COUNTRIES, "KE, TZ")
			.containsEntry(Variables.FIRST_STANDARDS, "SMR-PRISONERS, TOKYO-RULES")
			.containsEntry(Variables.FIRST_PERIOD, "2026-07-01 to 2027-06-30")
			.containsEntry(Variables.FIRST_INSTITUTION, "Kenya Prisons Service")
			.containsEntry(Variables.FIRST_PARTNER, "UNOPS")
			.containsEntry(Variables.FIRST_STATUS, "Overlap review")
			.containsEntry(Variables.SECOND_TITLE, "Human rights in Kenyan prisons")
			.containsEntry(Variables.SECOND_OFFICE, "OHCHR")
			.containsEntry(Variables.SECOND_PARTNER, "")
			.containsEntry(Variables.SECOND_DESCRIPTION, "Monitoring detention conditions")
			.doesNotContainKeys(Variables.CPCJD_PROPOSAL, Variables.OHCHR_PROPOSAL);
		assertThat(shown.get(Variables.SIGNALS).toString()).contains("same beneficiary institution (0.25)");
		// never stored, so never cut to Camunda's 4,000 characters of text
		assertThat(shown.get(Variables.FIRST_DESCRIPTION)).isEqualTo(LONG_DESCRIPTION);
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsOnlyKeys(Variables.ALERT_ID);
		try (InputStream form = engine.getFormService().getDeployedTaskForm(cpcjd.getId())) {
			assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"review-overlap-alert\"");
		}
	}

	@Test
	void anUndecidedAlertRemindsTheCoordinatorsAfterTenWorkingDaysAndEscalatesFiveLater() {
		ProcessInstance instance = start();
		Job reminder = timer(instance, Elements.TIMER_REVIEW_REMINDER);
		Job escalation = timer(instance, Elements.TIMER_REVIEW_ESCALATION);
		// from a Monday: the Mondays two and three weeks on
		assertThat(reminder.getDuedate()).isEqualTo(Date.from(START.plusWeeks(2).toInstant()));
		assertThat(escalation.getDuedate()).isEqualTo(Date.from(START.plusWeeks(3).toInstant()));
		int priority = reviewTask(instance, OfficeReview.CPCJD).getPriority();

		ClockUtil.setCurrentTime(reminder.getDuedate());
		execute(reminder);

		verify(review).remind(ALERT_ID);
		verify(review, never()).escalate(anyLong());
		assertThat(instance).hasPassed(Elements.END_COORDINATORS_REMINDED);
		for (OfficeReview office : OfficeReview.values()) {
			assertThat(reviewTask(instance, office).getPriority()).isEqualTo(priority + RemindCoordinatorsDelegate.PRIORITY_RAISE);
		}

		ClockUtil.setCurrentTime(escalation.getDuedate());
		execute(escalation);

		verify(review).escalate(ALERT_ID);
		assertThat(instance).hasPassed(Elements.END_ALERT_ESCALATED)
			.isWaitingAt(Elements.TASK_REVIEW_ALERT_CPCJD, Elements.TASK_REVIEW_ALERT_OHCHR);
		// still the coordinators' work: administrators see every task already, and are mailed
		assertThat(tasksOf("COORDINATOR_OHCHR")).containsExactly(Elements.TASK_REVIEW_ALERT_OHCHR);
		assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("camunda-admin").count()).isZero();
	}

	@Test
	void theRemindersStopOnceTheOfficesDecide() {
		ProcessInstance instance = start();
		propose(instance, OfficeReview.CPCJD, CPCJD_COORDINATOR, "COMPLEMENTARY", null);
		assertThat(timer(instance, Elements.TIMER_REVIEW_REMINDER)).isNotNull();

		propose(instance, OfficeReview.OHCHR, OHCHR_COORDINATOR, "COMPLEMENTARY", null);

		assertThat(timer(instance, Elements.TIMER_REVIEW_REMINDER)).isNull();
		assertThat(timer(instance, Elements.TIMER_REVIEW_ESCALATION)).isNull();
		execute(job(instance));
		assertThat(instance).isEnded();
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
		verify(review, never()).remind(anyLong());
		verify(review, never()).escalate(anyLong());
	}

	/** The listeners' refusals reach the caller as the cause of the engine's exception, as in Tasklist. */
	/** A missing or wrong answer is refused naming its field, as the API's problem details name it. */
	private static void assertInvalid(ThrowingCallable completion, String field, String message) {
		assertThatThrownBy(completion).satisfies(thrown -> {
			Throwable cause = thrown;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			assertThat(cause).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
			assertThat(((InvalidInputException) cause).errors()).extracting(InvalidField::field).containsExactly(field);
		});
	}

	private static void assertRefused(ThrowingCallable completion, String message) {
		assertThatThrownBy(completion).satisfies(thrown -> {
			Throwable cause = thrown;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			assertThat(cause).isInstanceOf(BadUserRequestException.class).hasMessageContaining(message);
		});
	}

	private ProcessInstance start() {
		reviews.on(new OverlapAlertRaised(ALERT_ID, 42, 43, "HIGH"));
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(OverlapReviewProcess.businessKey(ALERT_ID))
			.singleResult();
	}

	private void propose(ProcessInstance instance, OfficeReview office, String coordinator, String decision, String reason) {
		complete(reviewTask(instance, office), coordinator, decision, reason);
	}

	/** As Tasklist does: the coordinator signed in, the form's fields as variables. */
	private void complete(Task task, String coordinator, String decision, String reason) {
		Map<String, Object> form = new HashMap<>();
		form.put(Variables.DECISION, decision);
		form.put(Variables.REASON, reason);
		engine.getIdentityService().setAuthenticatedUserId(coordinator);
		try {
			engine.getFormService().submitTaskForm(task.getId(), form);
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	private Task reviewTask(ProcessInstance instance, OfficeReview office) {
		return task(instance, office.taskId());
	}

	private Task task(ProcessInstance instance, String taskKey) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	private List<String> tasksOf(String group) {
		return engine.getTaskService()
			.createTaskQuery()
			.taskCandidateGroup(group)
			.list()
			.stream()
			.map(Task::getTaskDefinitionKey)
			.toList();
	}

	private Job timer(ProcessInstance instance, String timerId) {
		return engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(timerId)
			.singleResult();
	}

}
