package org.coopflow.programmes;

import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.coopflow.programmes.FundingProposalProcess.Elements;
import org.coopflow.programmes.FundingProposalProcess.Variables;
import org.coopflow.reference.Office;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Standard;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.security.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The funding proposal process on an in-memory engine, with the real delegates and listeners around a
 * mocked {@link ProposalLifecycle} and {@link OverlapScreening}. Together the tests walk every element
 * and flow of the model; the coverage extension fails the class otherwise.
 */
@Deployment(resources = { "bpmn/FundingProposalProcess.bpmn", "bpmn/forms/review-proposal.form",
		"bpmn/forms/revise-proposal.form", "bpmn/forms/decide-partial-funding.form" })
class FundingProposalProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder("funding-proposal-process.camunda.cfg.xml")
		.assertClassCoverageAtLeast(1.0)
		.build();

	static final long PROGRAMME_ID = 42;

	static final String SUBMITTER = "officerAmina";

	static final String REVIEWER = "officerBruno";

	static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

	/** A Monday morning. */
	static final ZonedDateTime START = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, VIENNA);

	ProcessEngine engine;

	ProposalLifecycle lifecycle = mock(ProposalLifecycle.class);

	OverlapScreening screening = mock(OverlapScreening.class);

	ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	FundingProposals proposals;

	@BeforeEach
	void setUp() {
		ClockUtil.setCurrentTime(Date.from(START.toInstant()));
		BpmnAwareTests.init(engine);
		when(screening.screen(anyLong())).thenReturn(List.of());
		// the programme records its funding deadline when it opens for funding and when it is extended;
		// the mocked lifecycle keeps it as ProposalTransitions does
		AtomicReference<Instant> deadline = new AtomicReference<>();
		when(lifecycle.facts(PROGRAMME_ID)).thenAnswer(invocation -> new ProposalFacts(PROGRAMME_ID, Office.CPCJD,
				"Prison reform in East Africa", "Training on the Nelson Mandela Rules", List.of("KE", "TZ"),
				List.of("SMR-PRISONERS", "TOKYO-RULES"), LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30),
				new BigDecimal("250000"), "USD", 60, SUBMITTER, ProgrammeStatus.UNDER_REVIEW, List.of(SUBMITTER),
				deadline.get(), "Check the overlap with OHCHR's detention monitoring"));
		doAnswer(invocation -> {
			deadline.set(daysAfter(ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), VIENNA), 60).toInstant());
			return null;
		}).when(lifecycle).openForFunding(anyLong(), anyString());
		doAnswer(invocation -> {
			deadline.set(daysAfter(ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), VIENNA),
					invocation.<Integer>getArgument(1)).toInstant());
			return null;
		}).when(lifecycle).extendFundingDeadline(anyLong(), anyInt(), anyString());
		Mocks.register("workingDays", new WorkingDays(VIENNA));
		Mocks.register("screenForOverlapsDelegate", new ScreenForOverlapsDelegate(screening, lifecycle));
		Mocks.register("releaseForReviewDelegate", new ReleaseForReviewDelegate(lifecycle));
		Mocks.register("returnForRevisionDelegate", new ReturnForRevisionDelegate(lifecycle));
		Mocks.register("withdrawProposalDelegate", new WithdrawProposalDelegate(lifecycle));
		Mocks.register("resubmitProposalDelegate", new ResubmitProposalDelegate(lifecycle));
		Mocks.register("recordRejectionDelegate", new RecordRejectionDelegate(lifecycle));
		Mocks.register("openForFundingDelegate", new OpenForFundingDelegate(lifecycle));
		Mocks.register("markPartiallyFundedDelegate", new MarkPartiallyFundedDelegate(lifecycle));
		Mocks.register("reviseBudgetDelegate", new ReviseBudgetDelegate(lifecycle));
		Mocks.register("extendFundingDeadlineDelegate", new ExtendFundingDeadlineDelegate(lifecycle));
		Mocks.register("cancelAndReleasePledgesDelegate", new CancelAndReleasePledgesDelegate(lifecycle));
		Mocks.register("markProgrammeFundedDelegate", new MarkProgrammeFundedDelegate(lifecycle));
		Mocks.register("remindAssigneeDelegate", new RemindAssigneeDelegate(events));
		ProposalGroups groups = new ProposalGroups(lifecycle);
		Mocks.register("proposalGroups", groups);
		Mocks.register("escalateToCoordinatorDelegate", new EscalateToCoordinatorDelegate(events, groups));
		Mocks.register("proposalFactsTaskListener", new ProposalFactsTaskListener());
		Mocks.register("fourEyesTaskListener", new FourEyesTaskListener(lifecycle));
		Mocks.register("reviewProposalTaskListener", new ReviewProposalTaskListener());
		Mocks.register("decidePartialFundingTaskListener", new DecidePartialFundingTaskListener());
		proposals = new FundingProposals(engine.getRuntimeService());
	}

	@AfterEach
	void tearDown() {
		engine.getIdentityService().clearAuthentication();
		Mocks.reset();
		ClockUtil.reset();
	}

	@Test
	void proposalWithoutOverlapsIsApprovedAndFundedByTheDonors() {
		ProcessInstance instance = start();

		assertThat(instance).isWaitingAt(Elements.TASK_REVIEW_PROPOSAL)
			.variables()
			.containsEntry(Variables.OVERLAP_FOUND, false)
			.containsEntry(Variables.OVERLAP_ALERT_IDS, "")
			.containsEntry(Variables.FUNDING_DEADLINE, "P60D");
		assertThat(instance).hasBusinessKey("programme-42");
		verify(lifecycle).awaitReview(PROGRAMME_ID);
		assertThat(task(instance)).hasCandidateGroup("PROGRAMME_OFFICER_CPCJD").isNotAssigned();

		review("APPROVE", null);
		verify(lifecycle).openForFunding(PROGRAMME_ID, REVIEWER);
		assertThat(instance).isWaitingAt(Elements.TASK_AWAIT_FUNDING);

		proposals.on(new FundingTargetReached(PROGRAMME_ID));
		execute(job(instance));

		verify(lifecycle).markFunded(PROGRAMME_ID, FundingProposalProcess.SYSTEM_USER);
		assertThat(instance).hasPassed(Elements.TASK_MARK_PROGRAMME_FUNDED).isEnded();
		assertThat(instance).hasPassed(Elements.END_PROPOSAL_FUNDED);
	}

	@Test
	void everyUserTaskShowsTheProposalFactsInWordsWhenItsFormOpens() throws Exception {
		ProcessInstance instance = start();
		Task review = task(instance);

		// nothing is copied onto the task: the facts are read from the programme's record when the form opens
		assertThat(engine.getTaskService().getVariablesLocal(review.getId())).doesNotContainKeys(Variables.TITLE,
				Variables.BUDGET, Variables.STATUS);
		UserDirectory people = mock(UserDirectory.class);
		when(people.displayNameOf(SUBMITTER)).thenReturn("Ana Ruiz");
		StandardsCatalogue standards = mock(StandardsCatalogue.class);
		when(standards.find(anyString())).thenAnswer(
				call -> java.util.Optional.of(new Standard(call.getArgument(0), "The rules " + call.getArgument(0), "")));
		Map<String, Object> shown = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getCommandExecutorTxRequired()
			.execute(context -> new ProposalTaskFacts(lifecycle, standards, people,
					programme -> List.of("Alert 3 (high, 89.9 % similar) with \"Prison health in Kenya\" of OHCHR: "
							+ "the coordinators of both offices have not decided yet"))
				.of(context.getTaskManager().findTaskById(review.getId())));
		assertThat(shown).containsEntry(Variables.TITLE, "Prison reform in East Africa")
			.containsEntry(Variables.OFFICE_NAME, "CPCJD")
			.containsEntry(Variables.COUNTRIES, CountryNames.name("KE") + "; " + CountryNames.name("TZ"))
			.containsEntry(Variables.STANDARDS, "The rules SMR-PRISONERS; The rules TOKYO-RULES")
			.containsEntry(Variables.PLANNED_PERIOD, "1 July 2026 to 30 June 2027")
			.containsEntry(Variables.BUDGET, "USD 250,000")
			.containsEntry(Variables.DESCRIPTION, "Training on the Nelson Mandela Rules")
			.containsEntry(Variables.SUBMITTED_BY, "Ana Ruiz")
			.containsEntry(Variables.STATUS, ProgrammeStatus.UNDER_REVIEW.label())
			.containsEntry(Variables.REVIEW_NOTES, "Check the overlap with OHCHR's detention monitoring")
			.containsEntry(Variables.OPEN_OVERLAP_ALERTS, "Alert 3 (high, 89.9 % similar) with \"Prison health in Kenya\" "
					+ "of OHCHR: the coordinators of both offices have not decided yet");
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys(Variables.TITLE,
				Variables.BUDGET, Variables.DESCRIPTION);
		try (InputStream form = engine.getFormService().getDeployedTaskForm(review.getId())) {
			assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"review-proposal\"");
		}
	}

	@Test
	void coordinatorsLetAnOverlappingProposalGoOnToReview() {
		when(screening.screen(PROGRAMME_ID)).thenReturn(List.of(7L, 9L));
		ProcessInstance instance = start();

		assertThat(instance).isWaitingAt(Elements.EVENT_OVERLAP_REVIEWED)
			.variables()
			.containsEntry(Variables.OVERLAP_FOUND, true)
			.containsEntry(Variables.OVERLAP_ALERT_IDS, "7,9");
		verify(lifecycle).awaitOverlapReview(PROGRAMME_ID);
		verify(lifecycle, never()).awaitReview(anyLong());

		proposals.on(new OverlapReviewed(PROGRAMME_ID, OverlapDecision.CONTINUE, "Complementary: linked"));
		execute(job(instance));

		verify(lifecycle).awaitReview(PROGRAMME_ID);
		assertThat(instance).hasPassed(Elements.TASK_RELEASE_FOR_REVIEW).isWaitingAt(Elements.TASK_REVIEW_PROPOSAL);
	}

	@Test
	void coordinatorsSendAnOverlappingProposalBackToItsSubmitter() {
		when(screening.screen(PROGRAMME_ID)).thenReturn(List.of(7L)).thenReturn(List.of());
		ProcessInstance instance = start();

		proposals.on(new OverlapReviewed(PROGRAMME_ID, OverlapDecision.REVISE, "Merge the training with OHCHR's"));
		execute(job(instance));

		verify(lifecycle).returnForRevision(PROGRAMME_ID, "Merge the training with OHCHR's", FundingProposalProcess.SYSTEM_USER);
		assertThat(instance).isWaitingAt(Elements.TASK_REVISE_PROPOSAL)
			.variables()
			.containsEntry(Variables.REVISION_COMMENT, "Merge the training with OHCHR's");
		assertThat(task(instance)).isAssignedTo(SUBMITTER);

		engine.getTaskService().complete(task(instance).getId());

		verify(lifecycle).submit(PROGRAMME_ID, SUBMITTER);
		verify(screening, times(2)).screen(PROGRAMME_ID);
		assertThat(instance).isWaitingAt(Elements.TASK_REVIEW_PROPOSAL);
	}

	@Test
	void coordinatorsWithdrawADuplicate() {
		when(screening.screen(PROGRAMME_ID)).thenReturn(List.of(7L));
		ProcessInstance instance = start();

		proposals.on(new OverlapReviewed(PROGRAMME_ID, OverlapDecision.WITHDRAW, "Duplicates OHCHR programme 12"));
		execute(job(instance));

		verify(lifecycle).withdraw(PROGRAMME_ID, "Duplicates OHCHR programme 12", FundingProposalProcess.SYSTEM_USER);
		assertThat(instance).hasPassed(Elements.END_PROPOSAL_WITHDRAWN).isEnded();
	}

	@Test
	void reviewerReturnsTheProposalAndTheRevisionIsScreenedAndReviewedAgain() {
		ProcessInstance instance = start();

		review("RETURN", "Add a budget line for interpretation");

		verify(lifecycle).returnForRevision(PROGRAMME_ID, "Add a budget line for interpretation", REVIEWER);
		assertThat(instance).isWaitingAt(Elements.TASK_REVISE_PROPOSAL)
			.variables()
			.containsEntry(Variables.REVISION_COMMENT, "Add a budget line for interpretation");
		assertThat(task(instance)).isAssignedTo(SUBMITTER);

		engine.getTaskService().complete(task(instance).getId());

		verify(lifecycle).submit(PROGRAMME_ID, SUBMITTER);
		verify(screening, times(2)).screen(PROGRAMME_ID);
		assertThat(instance).isWaitingAt(Elements.TASK_REVIEW_PROPOSAL);
		review("APPROVE", null);
		assertThat(instance).isWaitingAt(Elements.TASK_AWAIT_FUNDING);
	}

	@Test
	void rewritingTheOfficeVariableDoesNotSendTheReviewToTheOtherOffice() {
		ProcessInstance instance = start();
		review("RETURN", "Add a budget line for interpretation");

		engine.getTaskService().complete(task(instance).getId(), Map.of(Variables.OFFICE, "OHCHR"));

		assertThat(instance).isWaitingAt(Elements.TASK_REVIEW_PROPOSAL);
		assertThat(engine.getTaskService()
			.getIdentityLinksForTask(task(instance).getId())
			.stream()
			.map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
			.filter(java.util.Objects::nonNull)
			.toList()).containsExactly("PROGRAMME_OFFICER_CPCJD");
	}

	@Test
	void rewritingTheDeadlineVariableDoesNotMoveTheFundingDeadline() {
		ProcessInstance instance = start();
		Task review = task(instance);
		engine.getTaskService().claim(review.getId(), REVIEWER);
		engine.getTaskService()
			.complete(review.getId(), Map.of(Variables.REVIEW_DECISION, "APPROVE", Variables.FUNDING_DEADLINE, "P1D"));

		assertThat(instance).isWaitingAt(Elements.TASK_AWAIT_FUNDING);
		assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(Date.from(daysAfter(START, 60).toInstant()));
	}

	@Test
	void reviewerRejectsTheProposal() {
		ProcessInstance instance = start();

		review("REJECT", "Outside the mandate of resolution 1997/32");

		verify(lifecycle).reject(PROGRAMME_ID, "Outside the mandate of resolution 1997/32", REVIEWER);
		assertThat(instance).hasPassed(Elements.END_PROPOSAL_REJECTED).isEnded();
	}

	@Test
	void theDecisionIsRecordedUnderTheOfficerWhoCompletesTheReviewNotTheOneWhoClaimedIt() {
		ProcessInstance instance = start();
		String taskId = task(instance).getId();
		engine.getTaskService().claim(taskId, REVIEWER);

		engine.getIdentityService().setAuthenticatedUserId("officerCarla");
		engine.getTaskService()
			.complete(taskId, Map.of(Variables.REVIEW_DECISION, "REJECT", Variables.REVIEW_COMMENT, "Outside the mandate"));

		verify(lifecycle).reject(PROGRAMME_ID, "Outside the mandate", "officerCarla");
		assertThat(instance).isEnded();
	}

	@Test
	void afterTheDeadlineTheProgrammeStartsWithTheFundsCommitted() {
		ProcessInstance instance = openForFunding();

		passFundingDeadline(instance, daysAfter(START, 60));
		decideOnPartialFunding(Map.of(Variables.PARTIAL_FUNDING_DECISION, "START_WITH_FUNDED", Variables.REVISED_BUDGET,
				180000.5));

		verify(lifecycle).reviseBudget(PROGRAMME_ID, new BigDecimal("180000.5"), REVIEWER);
		verify(lifecycle).markFunded(PROGRAMME_ID, FundingProposalProcess.SYSTEM_USER);
		assertThat(instance).hasPassed(Elements.TASK_REVISE_BUDGET, Elements.END_PROPOSAL_FUNDED).isEnded();
	}

	@Test
	void afterTheDeadlineDonorsGetMoreTimeAndFundTheProgramme() {
		ProcessInstance instance = openForFunding();

		passFundingDeadline(instance, daysAfter(START, 60));
		ZonedDateTime decided = daysAfter(START, 61);
		ClockUtil.setCurrentTime(Date.from(decided.toInstant()));
		decideOnPartialFunding(Map.of(Variables.PARTIAL_FUNDING_DECISION, "EXTEND_DEADLINE", Variables.EXTENSION_DAYS, 30));

		verify(lifecycle).extendFundingDeadline(PROGRAMME_ID, 30, REVIEWER);
		assertThat(instance).isWaitingAt(Elements.TASK_AWAIT_FUNDING)
			.variables()
			.containsEntry(Variables.FUNDING_DEADLINE, "P30D");
		assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(Date.from(daysAfter(decided, 30).toInstant()));

		proposals.on(new FundingTargetReached(PROGRAMME_ID));
		execute(job(instance));

		verify(lifecycle).markFunded(PROGRAMME_ID, FundingProposalProcess.SYSTEM_USER);
		assertThat(instance).hasPassed(Elements.END_PROPOSAL_FUNDED).isEnded();
	}

	@Test
	void fundingThatArrivedWhileTheOfficerDecidedIsNotWaitedForAgain() {
		ProcessInstance instance = openForFunding();
		passFundingDeadline(instance, daysAfter(START, 60));
		// donors committed the rest while the officer was deciding: nobody waited for the message
		when(lifecycle.fullyFunded(PROGRAMME_ID)).thenReturn(true);

		decideOnPartialFunding(Map.of(Variables.PARTIAL_FUNDING_DECISION, "EXTEND_DEADLINE", Variables.EXTENSION_DAYS, 30));

		verify(lifecycle).markFunded(PROGRAMME_ID, FundingProposalProcess.SYSTEM_USER);
		assertThat(instance).hasPassed(Elements.GATEWAY_FUNDED_ALREADY, Elements.END_PROPOSAL_FUNDED).isEnded();
	}

	@Test
	void afterTheDeadlineTheProgrammeIsCancelledAndItsPledgesReleased() {
		ProcessInstance instance = openForFunding();

		passFundingDeadline(instance, daysAfter(START, 60));
		decideOnPartialFunding(Map.of(Variables.PARTIAL_FUNDING_DECISION, "CANCEL", Variables.CANCELLATION_REASON,
				"Only 10% pledged"));

		verify(lifecycle).cancel(PROGRAMME_ID, "Only 10% pledged", REVIEWER);
		verify(lifecycle, never()).markFunded(anyLong(), org.mockito.ArgumentMatchers.any());
		assertThat(instance).hasPassed(Elements.END_PROPOSAL_CANCELLED).isEnded();
	}

	@Test
	void reviewIsRemindedAfterFiveWorkingDaysAndEscalatedAfterTen() {
		ProcessInstance instance = start();

		remindsAndEscalates(instance, Elements.TASK_REVIEW_PROPOSAL, START, null);

		assertThat(instance).isWaitingAt(Elements.TASK_REVIEW_PROPOSAL);
	}

	@Test
	void revisionRemindsItsSubmitterAndIsEscalated() {
		ProcessInstance instance = start();
		review("RETURN", "Add a budget line for interpretation");

		remindsAndEscalates(instance, Elements.TASK_REVISE_PROPOSAL, START, SUBMITTER);
	}

	@Test
	void partialFundingDecisionIsRemindedAndEscalated() {
		ProcessInstance instance = openForFunding();
		ZonedDateTime created = passFundingDeadline(instance, daysAfter(START, 60));

		remindsAndEscalates(instance, Elements.TASK_DECIDE_PARTIAL_FUNDING, created, null);
	}

	@Test
	void submitterCannotTakeTheReviewOfTheirOwnProposal() {
		ProcessInstance instance = start();
		String taskId = task(instance).getId();

		assertThatThrownBy(() -> engine.getTaskService().claim(taskId, SUBMITTER)).satisfies(this::isRefusedForFourEyes);
		assertThatThrownBy(() -> engine.getTaskService().setAssignee(taskId, SUBMITTER))
			.satisfies(this::isRefusedForFourEyes);

		assertThat(task(instance)).isNotAssigned();
	}

	@Test
	void submitterCannotCompleteTheReviewEvenWhileAnotherOfficerHoldsIt() {
		ProcessInstance instance = start();
		String taskId = task(instance).getId();
		engine.getTaskService().claim(taskId, REVIEWER);

		engine.getIdentityService().setAuthenticatedUserId(SUBMITTER);
		assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of(Variables.REVIEW_DECISION, "APPROVE")))
			.satisfies(this::isRefusedForFourEyes);
		// the task's copy of the facts is what a form sends back; rewriting it changes nothing
		assertThatThrownBy(() -> engine.getTaskService()
			.complete(taskId, Map.of(Variables.REVIEW_DECISION, "APPROVE", Variables.SUBMITTED_BY, "someoneElse")))
			.satisfies(this::isRefusedForFourEyes);

		assertThat(instance).isWaitingAt(Elements.TASK_REVIEW_PROPOSAL);
		verify(lifecycle, never()).openForFunding(anyLong(), org.mockito.ArgumentMatchers.any());
	}

	@ParameterizedTest
	@CsvSource({ "RETURN,", "RETURN,'  '", "REJECT,", "REJECT,'  '" })
	void returningOrRejectingNeedsAComment(String decision, String comment) {
		ProcessInstance instance = start();
		String taskId = task(instance).getId();
		engine.getTaskService().claim(taskId, REVIEWER);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Variables.REVIEW_DECISION, decision);
		variables.put(Variables.REVIEW_COMMENT, comment);

		assertThatThrownBy(() -> engine.getTaskService().complete(taskId, variables))
			.satisfies(e -> assertThat(rootCause(e)).isInstanceOfSatisfying(InvalidInputException.class,
					invalid -> assertThat(invalid.errors()).extracting(InvalidField::field)
						.containsExactly(Variables.REVIEW_COMMENT))
				.hasMessageContaining("comment is required"));

		assertThat(instance).isWaitingAt(Elements.TASK_REVIEW_PROPOSAL);
	}

	@Test
	void reviewNeedsADecision() {
		ProcessInstance instance = start();
		String taskId = task(instance).getId();
		engine.getTaskService().claim(taskId, REVIEWER);

		assertThatThrownBy(() -> engine.getTaskService().complete(taskId))
			.satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("Choose a decision"));
		assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of(Variables.REVIEW_DECISION, "MAYBE")))
			.satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("MAYBE is not a decision"));
	}

	@ParameterizedTest
	@CsvSource({ "START_WITH_FUNDED,revisedBudget,", "START_WITH_FUNDED,revisedBudget,-5",
			"START_WITH_FUNDED,revisedBudget,lots", "EXTEND_DEADLINE,extensionDays,", "EXTEND_DEADLINE,extensionDays,0",
			"EXTEND_DEADLINE,extensionDays,2.5", "CANCEL,cancellationReason,", "CANCEL,cancellationReason,' '" })
	void decidingOnPartialFundingNeedsWhatTheDecisionNeeds(String decision, String field, String value) {
		ProcessInstance instance = openForFunding();
		passFundingDeadline(instance, daysAfter(START, 60));
		String taskId = task(instance).getId();
		engine.getTaskService().claim(taskId, REVIEWER);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Variables.PARTIAL_FUNDING_DECISION, decision);
		variables.put(field, value);

		assertThatThrownBy(() -> engine.getTaskService().complete(taskId, variables))
			.satisfies(e -> assertThat(rootCause(e)).isInstanceOfSatisfying(InvalidInputException.class,
					invalid -> assertThat(invalid.errors()).extracting(InvalidField::field).containsExactly(field)));

		assertThat(instance).isWaitingAt(Elements.TASK_DECIDE_PARTIAL_FUNDING);
		verify(lifecycle, never()).cancel(anyLong(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
	}

	@Test
	void aProgrammeHasOneFundingProposalProcessAtATime() {
		start();

		assertThatThrownBy(() -> proposals.start(PROGRAMME_ID, Office.CPCJD, SUBMITTER))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void messagesNobodyWaitsForAreIgnored() {
		ProcessInstance instance = start();

		proposals.on(new FundingTargetReached(PROGRAMME_ID));
		proposals.on(new OverlapReviewed(PROGRAMME_ID + 1, OverlapDecision.CONTINUE, null));

		assertThat(instance).isWaitingAt(Elements.TASK_REVIEW_PROPOSAL);
	}

	private ProcessInstance start() {
		String id = proposals.start(PROGRAMME_ID, Office.CPCJD, SUBMITTER, 60);
		return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
	}

	private ProcessInstance openForFunding() {
		ProcessInstance instance = start();
		review("APPROVE", null);
		assertThat(instance).isWaitingAt(Elements.TASK_AWAIT_FUNDING);
		return instance;
	}

	private void review(String decision, String comment) {
		Task review = engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(FundingProposalProcess.businessKey(PROGRAMME_ID))
			.taskDefinitionKey(Elements.TASK_REVIEW_PROPOSAL)
			.singleResult();
		engine.getTaskService().claim(review.getId(), REVIEWER);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Variables.REVIEW_DECISION, decision);
		variables.put(Variables.REVIEW_COMMENT, comment);
		engine.getTaskService().complete(review.getId(), variables);
	}

	/** @return when the deadline passed, which is when "Decide on partial funding" was created */
	private ZonedDateTime passFundingDeadline(ProcessInstance instance, ZonedDateTime deadline) {
		Job timer = deadlineTimer(instance);
		assertThat(timer.getDuedate()).isEqualTo(Date.from(deadline.toInstant()));
		ZonedDateTime passed = deadline.plusMinutes(1);
		ClockUtil.setCurrentTime(Date.from(passed.toInstant()));
		execute(timer);
		verify(lifecycle).fundingDeadlinePassed(PROGRAMME_ID);
		assertThat(instance).isWaitingAt(Elements.TASK_DECIDE_PARTIAL_FUNDING);
		assertThat(task(instance)).hasCandidateGroup("PROGRAMME_OFFICER_CPCJD");
		return passed;
	}

	/** Camunda adds an ISO-8601 duration such as P60D in the JVM's time zone. */
	private static ZonedDateTime daysAfter(ZonedDateTime start, int days) {
		return start.withZoneSameInstant(ZoneId.systemDefault()).plusDays(days);
	}

	private Job deadlineTimer(ProcessInstance instance) {
		return engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(Elements.TIMER_FUNDING_DEADLINE_PASSED)
			.singleResult();
	}

	private void decideOnPartialFunding(Map<String, Object> decision) {
		Task task = engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(FundingProposalProcess.businessKey(PROGRAMME_ID))
			.taskDefinitionKey(Elements.TASK_DECIDE_PARTIAL_FUNDING)
			.singleResult();
		engine.getTaskService().claim(task.getId(), REVIEWER);
		engine.getTaskService().complete(task.getId(), decision);
	}

	/** 5 and 10 working days after the task was created, from a Monday: the Mondays one and two weeks on. */
	private void remindsAndEscalates(ProcessInstance instance, String taskKey, ZonedDateTime created, String assignee) {
		Task task = openTask(taskKey, instance);
		Job reminder = timer(instance, Elements.reminderTimerOf(taskKey));
		Job escalation = timer(instance, Elements.escalationTimerOf(taskKey));
		assertThat(reminder.getDuedate()).isEqualTo(Date.from(new WorkingDays(VIENNA).add(created, 5).toInstant()));
		assertThat(escalation.getDuedate()).isEqualTo(Date.from(new WorkingDays(VIENNA).add(created, 10).toInstant()));
		int priority = task.getPriority();

		ClockUtil.setCurrentTime(reminder.getDuedate());
		execute(reminder);

		Task reminded = openTask(taskKey, instance);
		assertThat(reminded.getPriority()).isEqualTo(priority + RemindAssigneeDelegate.PRIORITY_RAISE);
		assertThat(engine.getTaskService().getTaskComments(task.getId())).extracting(c -> c.getFullMessage())
			.containsExactly(RemindAssigneeDelegate.COMMENT);
		verify(events).publishEvent(new TaskReminderDue(PROGRAMME_ID, task.getId(), assignee));
		assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
			.noneMatch(link -> "COORDINATOR_CPCJD".equals(link.getGroupId()));

		ClockUtil.setCurrentTime(escalation.getDuedate());
		execute(escalation);

		// coordinators may now read the task (to chase it), but it stays a programme officer's work
		assertThat(engine.getAuthorizationService()
			.createAuthorizationQuery()
			.groupIdIn("COORDINATOR_CPCJD")
			.resourceType(org.camunda.bpm.engine.authorization.Resources.TASK)
			.resourceId(task.getId())
			.hasPermission(org.camunda.bpm.engine.authorization.Permissions.READ)
			.count()).isEqualTo(1);
		assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
			.noneMatch(link -> "COORDINATOR_CPCJD".equals(link.getGroupId()));
		assertThat(engine.getTaskService().getTaskComments(task.getId())).extracting(c -> c.getFullMessage())
			.contains("Escalated to the coordinators of CPCJD: this task has been waiting for 10 working days");
		verify(events).publishEvent(new TaskEscalated(PROGRAMME_ID, task.getId(), Office.CPCJD));
		assertThat(instance).isWaitingAt(taskKey);
	}

	private Task openTask(String taskKey, ProcessInstance instance) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	private Job timer(ProcessInstance instance, String timerId) {
		return engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(timerId)
			.singleResult();
	}

	private void isRefusedForFourEyes(Throwable thrown) {
		assertThat(rootCause(thrown)).isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
			.hasMessageContaining(SUBMITTER + " submitted this proposal and may not review it");
	}

	private static Throwable rootCause(Throwable thrown) {
		Throwable cause = thrown;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
