package org.coopflow.programmes;

import java.math.BigDecimal;

import org.coopflow.workflow.ProcessVariable;
import org.coopflow.workflow.RecordKey;

/**
 * The vocabulary of {@code bpmn/FundingProposalProcess.bpmn}: its key, the ids of the elements code and
 * tests refer to, its messages and its variables. Delegates, listeners and tests use these instead of
 * repeating string literals, so a renamed element breaks the build rather than a running process.
 */
@org.springframework.modulith.NamedInterface("api")
public final class FundingProposalProcess {

	public static final String PROCESS_KEY = "FundingProposalProcess";

	/** The user recorded for steps nobody in particular took, as {@link ProposalLifecycle} expects. */
	public static final String SYSTEM_USER = "coopflow";

	public static final int DEFAULT_FUNDING_DEADLINE_DAYS = 90;

	/** The programme a proposal works on: its business key, e.g. {@code programme-42}. */
	static final RecordKey PROGRAMME = new RecordKey("programme-", "funding proposal process");

	private FundingProposalProcess() {
	}

	/**
	 * "programme-42": like every process's key, it says which kind of record it names. Until 2026-12 it
	 * was the bare id; the changeset db/programmes/2026-12-02-prefix-proposal-business-key.yaml renamed
	 * the keys of instances started before.
	 */
	public static String businessKey(long programmeId) {
		return PROGRAMME.of(programmeId);
	}

	/** The value of {@link Variables#FUNDING_DEADLINE} for a number of days, e.g. P90D. */
	public static String fundingDeadline(int days) {
		if (days <= 0) {
			throw new IllegalArgumentException("A funding deadline is a positive number of days, not " + days);
		}
		return "P" + days + "D";
	}

	/**
	 * The variables code reads and writes, each declared once with its type. Values typed into Camunda Forms
	 * arrive as whatever type Tasklist chose; {@link ProcessVariable} reads each of them.
	 */
	static final class Typed {

		static final ProcessVariable<ReviewDecision> REVIEW_DECISION = ProcessVariable.choice(Variables.REVIEW_DECISION,
				ReviewDecision.class, "a decision this task knows");

		static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.text(Variables.REVIEW_COMMENT);

		static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.text(Variables.REVIEWED_BY);

		static final ProcessVariable<PartialFundingDecision> PARTIAL_FUNDING_DECISION = ProcessVariable.choice(
				Variables.PARTIAL_FUNDING_DECISION, PartialFundingDecision.class, "a decision this task knows");

		static final ProcessVariable<BigDecimal> REVISED_BUDGET = ProcessVariable.decimal(Variables.REVISED_BUDGET);

		static final ProcessVariable<Long> EXTENSION_DAYS = ProcessVariable.wholeNumber(Variables.EXTENSION_DAYS);

		static final ProcessVariable<String> CANCELLATION_REASON = ProcessVariable.text(Variables.CANCELLATION_REASON);

		static final ProcessVariable<String> DECIDED_BY = ProcessVariable.text(Variables.DECIDED_BY);

		static final ProcessVariable<String> OVERLAP_COMMENT = ProcessVariable.text(Variables.OVERLAP_COMMENT);

		static final ProcessVariable<String> COMMENT = ProcessVariable.text(Variables.COMMENT);

		static final ProcessVariable<String> BY = ProcessVariable.text(Variables.BY);

		static final ProcessVariable<String> TASK_DEFINITION_KEY = ProcessVariable.text(Variables.TASK_DEFINITION_KEY);

		static final ProcessVariable<String> FUNDING_DEADLINE = ProcessVariable.text(Variables.FUNDING_DEADLINE);

		private Typed() {
		}

	}

	/** Ids of the model's elements. */
	@org.springframework.modulith.NamedInterface("api")
	public static final class Elements {

		public static final String START_PROPOSAL_SUBMITTED = "StartEvent_ProposalSubmitted";

		public static final String TASK_SCREEN_FOR_OVERLAPS = "Task_ScreenForOverlaps";

		public static final String GATEWAY_OVERLAP_FOUND = "Gateway_OverlapFound";

		public static final String EVENT_OVERLAP_REVIEWED = "Event_OverlapReviewed";

		public static final String GATEWAY_COORDINATORS_DECISION = "Gateway_CoordinatorsDecision";

		public static final String TASK_RELEASE_FOR_REVIEW = "Task_ReleaseForReview";

		public static final String TASK_RETURN_FOR_REVISION_AFTER_OVERLAP_REVIEW = "Task_ReturnForRevisionAfterOverlapReview";

		public static final String TASK_WITHDRAW_PROPOSAL = "Task_WithdrawProposal";

		public static final String END_PROPOSAL_WITHDRAWN = "EndEvent_ProposalWithdrawn";

		public static final String TASK_REVIEW_PROPOSAL = "Task_ReviewProposal";

		public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";

		public static final String TASK_RETURN_FOR_REVISION = "Task_ReturnForRevision";

		public static final String TASK_REVISE_PROPOSAL = "Task_ReviseProposal";

		public static final String TASK_RESUBMIT_PROPOSAL = "Task_ResubmitProposal";

		public static final String TASK_RECORD_REJECTION = "Task_RecordRejection";

		public static final String END_PROPOSAL_REJECTED = "EndEvent_ProposalRejected";

		public static final String TASK_OPEN_FOR_FUNDING = "Task_OpenForFunding";

		public static final String TASK_AWAIT_FUNDING = "Task_AwaitFunding";

		public static final String TIMER_FUNDING_DEADLINE_PASSED = "Timer_FundingDeadlinePassed";

		public static final String TASK_MARK_PARTIALLY_FUNDED = "Task_MarkPartiallyFunded";

		public static final String TASK_DECIDE_PARTIAL_FUNDING = "Task_DecidePartialFunding";

		public static final String GATEWAY_PARTIAL_FUNDING_DECISION = "Gateway_PartialFundingDecision";

		/** Before waiting for funding: funding that came while nobody waited (e.g. during a decision) counts. */
		public static final String GATEWAY_FUNDED_ALREADY = "Gateway_FundedAlready";

		public static final String TASK_REVISE_BUDGET = "Task_ReviseBudget";

		public static final String TASK_EXTEND_FUNDING_DEADLINE = "Task_ExtendFundingDeadline";

		public static final String TASK_CANCEL_AND_RELEASE_PLEDGES = "Task_CancelAndReleasePledges";

		public static final String END_PROPOSAL_CANCELLED = "EndEvent_ProposalCancelled";

		public static final String TASK_MARK_PROGRAMME_FUNDED = "Task_MarkProgrammeFunded";

		public static final String END_PROPOSAL_FUNDED = "EndEvent_ProposalFunded";

		/** The reminder timer on a user task: {@code Timer_ReviewProposalReminder}. */
		public static String reminderTimerOf(String userTaskId) {
			return "Timer_" + withoutPrefix(userTaskId) + "Reminder";
		}

		/** The escalation timer on a user task: {@code Timer_ReviewProposalEscalation}. */
		public static String escalationTimerOf(String userTaskId) {
			return "Timer_" + withoutPrefix(userTaskId) + "Escalation";
		}

		private static String withoutPrefix(String userTaskId) {
			return userTaskId.substring("Task_".length());
		}

		private Elements() {
		}

	}

	/** Names of the messages the process waits for. */
	@org.springframework.modulith.NamedInterface("api")
	public static final class Messages {

		/** The coordinators decided on the overlap alerts raised for the proposal. */
		public static final String OVERLAP_REVIEWED = "OverlapReviewed";

		/** Committed funding reached the budget. */
		public static final String FUNDING_REACHED = "FundingReached";

		private Messages() {
		}

	}

	/** Names of process variables and of the task-local variables forms display. */
	@org.springframework.modulith.NamedInterface("api")
	public static final class Variables {

		/** Long; also the business key, as text. */
		public static final String PROGRAMME_ID = "programmeId";

		/** {@link org.coopflow.reference.Office} name, CPCJD or OHCHR: picks the candidate groups. */
		public static final String OFFICE = "office";

		public static final String SUBMITTED_BY = "submittedBy";

		/** ISO-8601 duration from opening for funding (or from an extension) to the deadline, e.g. P90D. */
		public static final String FUNDING_DEADLINE = "fundingDeadline";

		/** Boolean, set by screening. */
		public static final String OVERLAP_FOUND = "overlapFound";

		/** Text: the ids of the alerts screening raised, comma-separated (empty when none). */
		public static final String OVERLAP_ALERT_IDS = "overlapAlertIds";

		/** {@link org.coopflow.programmes.OverlapDecision} name, from the OverlapReviewed message. */
		public static final String OVERLAP_DECISION = "overlapDecision";

		public static final String OVERLAP_COMMENT = "overlapComment";

		/** {@link ReviewDecision} name, from the review form. */
		public static final String REVIEW_DECISION = "reviewDecision";

		public static final String REVIEW_COMMENT = "reviewComment";

		/** Who completed the review (never the submitter). */
		public static final String REVIEWED_BY = "reviewedBy";

		/** The comments the submitter is asked to address, from the review or the coordinators. */
		public static final String REVISION_COMMENT = "revisionComment";

		/** {@link PartialFundingDecision} name, from the partial funding form. */
		public static final String PARTIAL_FUNDING_DECISION = "partialFundingDecision";

		/** Positive amount in the programme currency (number or text, as forms send it). */
		public static final String REVISED_BUDGET = "revisedBudget";

		/** Positive whole number of days. */
		public static final String EXTENSION_DAYS = "extensionDays";

		public static final String CANCELLATION_REASON = "cancellationReason";

		/** Who decided on partial funding. */
		public static final String DECIDED_BY = "decidedBy";

		/** Local inputs of "Return for revision" and the reminder tasks. */
		public static final String COMMENT = "comment";

		public static final String BY = "by";

		public static final String TASK_DEFINITION_KEY = "taskDefinitionKey";

		/** Task-local facts set on every user task for its form. */
		public static final String TITLE = "title";

		public static final String OFFICE_NAME = "officeName";

		public static final String COUNTRIES = "countries";

		public static final String STANDARDS = "standards";

		public static final String PLANNED_PERIOD = "plannedPeriod";

		public static final String BUDGET = "budget";

		public static final String DESCRIPTION = "description";

		public static final String STATUS = "status";

		/** What the writers noted for the reviewer, or "None". */
		public static final String REVIEW_NOTES = "reviewNotes";

		/** The overlap alerts still open on the programme, one a line, or "None". */
		public static final String OPEN_OVERLAP_ALERTS = "openOverlapAlerts";

		private Variables() {
		}

	}

	/** The answers of "Review proposal". */
	@org.springframework.modulith.NamedInterface("api")
	public enum ReviewDecision {
		APPROVE, RETURN, REJECT
	}

	/** The answers of "Decide on partial funding". */
	@org.springframework.modulith.NamedInterface("api")
	public enum PartialFundingDecision {
		START_WITH_FUNDED, EXTEND_DEADLINE, CANCEL
	}

}
