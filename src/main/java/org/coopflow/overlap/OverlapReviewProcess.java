package org.coopflow.overlap;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.workflow.ProcessVariable;
import org.coopflow.workflow.RecordKey;

import org.coopflow.reference.Office;
import org.coopflow.security.Role;

/**
 * The vocabulary of {@code bpmn/OverlapReviewProcess.bpmn}: its key, the ids of the elements code and
 * tests refer to, and its variables. Delegates, listeners and tests use these instead of repeating
 * string literals, so a renamed element breaks the build rather than a running process.
 */
@org.springframework.modulith.NamedInterface("api")
public final class OverlapReviewProcess {

	public static final String PROCESS_KEY = "OverlapReviewProcess";

	/** The alert a review works on: its business key, e.g. {@code alert-42}. */
	static final RecordKey ALERT = new RecordKey("alert-", "overlap review process");

	private OverlapReviewProcess() {
	}

	/** The business key of an alert's review, e.g. {@code alert-42}. */
	public static String businessKey(long alertId) {
		return ALERT.of(alertId);
	}

	/** Ids of the model's elements. */
	@org.springframework.modulith.NamedInterface("api")
	public static final class Elements {

		public static final String START_ALERT_RAISED = "StartEvent_AlertRaised";

		/** Wraps the reviews and the settlement, so that its timers stop once the offices decide. */
		public static final String SUBPROCESS_REVIEW_ALERT = "SubProcess_ReviewAlert";

		public static final String TASK_REVIEW_ALERT_CPCJD = "Task_ReviewAlertCpcjd";

		public static final String TASK_REVIEW_ALERT_OHCHR = "Task_ReviewAlertOhchr";

		public static final String GATEWAY_COORDINATORS_AGREE = "Gateway_CoordinatorsAgree";

		public static final String END_PROPOSALS_AGREE = "EndEvent_ProposalsAgree";

		public static final String TASK_SETTLE_JOINT_DECISION = "Task_SettleJointDecision";

		public static final String END_JOINT_DECISION_SETTLED = "EndEvent_JointDecisionSettled";

		public static final String TASK_RECORD_JOINT_DECISION = "Task_RecordJointDecision";

		public static final String END_ALERT_DECIDED = "EndEvent_AlertDecided";

		/** 10 working days after the review started. */
		public static final String TIMER_REVIEW_REMINDER = "Timer_ReviewReminder";

		public static final String TASK_REMIND_COORDINATORS = "Task_RemindCoordinators";

		public static final String END_COORDINATORS_REMINDED = "EndEvent_CoordinatorsReminded";

		/** 15 working days after the review started: 5 after the reminder. */
		public static final String TIMER_REVIEW_ESCALATION = "Timer_ReviewEscalation";

		public static final String TASK_ESCALATE_TO_ADMINISTRATOR = "Task_EscalateToAdministrator";

		public static final String END_ALERT_ESCALATED = "EndEvent_AlertEscalated";

		private Elements() {
		}

	}

	/** Names of process variables and of the task-local variables the forms show and send. */
	@org.springframework.modulith.NamedInterface("api")
	public static final class Variables {

		/** Long; the business key holds it too, and is what code reads. */
		public static final String ALERT_ID = "alertId";

		/** What a review or settlement form sends: a {@link CoordinatorDecision} name and its reason. */
		public static final String DECISION = "decision";

		public static final String REASON = "reason";

		/** The settled joint decision, when the proposals differed. */
		public static final String JOINT_DECISION = "jointDecision";

		public static final String JOINT_REASON = "jointReason";

		public static final String SETTLED_BY = "settledBy";

		/** Task-local facts of the alert, set on every user task for its form. */
		public static final String SEVERITY = "severity";

		public static final String SCORE = "score";

		/** Across the two offices, or inside one office (a duplicate there). */
		public static final String PAIRING = "pairing";

		public static final String SIGNALS = "signals";

		public static final String FIRST_OFFICE = "firstOffice";

		public static final String FIRST_TITLE = "firstTitle";

		public static final String FIRST_DESCRIPTION = "firstDescription";

		public static final String FIRST_COUNTRIES = "firstCountries";

		public static final String FIRST_STANDARDS = "firstStandards";

		public static final String FIRST_PERIOD = "firstPeriod";

		public static final String FIRST_INSTITUTION = "firstInstitution";

		public static final String FIRST_PARTNER = "firstPartner";

		public static final String FIRST_STATUS = "firstStatus";

		public static final String SECOND_OFFICE = "secondOffice";

		public static final String SECOND_TITLE = "secondTitle";

		public static final String SECOND_DESCRIPTION = "secondDescription";

		public static final String SECOND_COUNTRIES = "secondCountries";

		public static final String SECOND_STANDARDS = "secondStandards";

		public static final String SECOND_PERIOD = "secondPeriod";

		public static final String SECOND_INSTITUTION = "secondInstitution";

		public static final String SECOND_PARTNER = "secondPartner";

		public static final String SECOND_STATUS = "secondStatus";

		/** Task-local, on "Settle joint decision" only: each office's proposal in words, and its reason. */
		public static final String CPCJD_PROPOSAL = "cpcjdProposal";

		public static final String CPCJD_PROPOSAL_REASON = "cpcjdProposalReason";

		public static final String OHCHR_PROPOSAL = "ohchrProposal";

		public static final String OHCHR_PROPOSAL_REASON = "ohchrProposalReason";

		private Variables() {
		}

	}

	/** The variables code reads and writes, each declared once with its type. */
	static final class Typed {

		/** What a review or settlement form sends. */
		static final ProcessVariable<CoordinatorDecision> DECISION = decision(Variables.DECISION);

		static final ProcessVariable<String> REASON = ProcessVariable.text(Variables.REASON);

		static final ProcessVariable<CoordinatorDecision> JOINT_DECISION = decision(Variables.JOINT_DECISION);

		static final ProcessVariable<String> JOINT_REASON = ProcessVariable.text(Variables.JOINT_REASON);

		static final ProcessVariable<String> SETTLED_BY = ProcessVariable.text(Variables.SETTLED_BY);

		private Typed() {
		}

		static ProcessVariable<CoordinatorDecision> decision(String name) {
			return ProcessVariable.choice(name, CoordinatorDecision.class, "a decision on an overlap alert");
		}

		/** The decision a form sent, with its reason when the decision needs one. */
		static CoordinatorDecision chosen(VariableScope scope) {
			CoordinatorDecision decision = DECISION.answer(scope, "Choose what the offices should do about the alert.");
			if (decision.needsReason() && REASON.orNull(scope) == null) {
				throw new InvalidInputException(REASON.name(),
						"Say why the programmes do not overlap: a reason is required for \"not an overlap\".");
			}
			return decision;
		}

	}

	/**
	 * One office's review: its task, its coordinators' group, and the facts "Settle joint decision" shows its
	 * proposal in. The proposal itself is kept with the alert ({@link AlertReview#propose}), not in the process.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public enum OfficeReview {

		CPCJD(Office.CPCJD, Elements.TASK_REVIEW_ALERT_CPCJD, Variables.CPCJD_PROPOSAL, Variables.CPCJD_PROPOSAL_REASON),
		OHCHR(Office.OHCHR, Elements.TASK_REVIEW_ALERT_OHCHR, Variables.OHCHR_PROPOSAL, Variables.OHCHR_PROPOSAL_REASON);

		private final Office office;

		private final String taskId;

		private final String proposal;

		private final String proposalReason;

		OfficeReview(Office office, String taskId, String proposal, String proposalReason) {
			this.office = office;
			this.taskId = taskId;
			this.proposal = proposal;
			this.proposalReason = proposalReason;
		}

		public Office office() {
			return office;
		}

		public String taskId() {
			return taskId;
		}

		/** The only group that gets this office's review task, e.g. {@code COORDINATOR_CPCJD}. */
		public String candidateGroup() {
			return Role.COORDINATOR.groupOf(office);
		}

		String proposalVariable() {
			return proposal;
		}

		String proposalReasonVariable() {
			return proposalReason;
		}

		public OfficeReview other() {
			return this == CPCJD ? OHCHR : CPCJD;
		}

		/** @return the review whose task this is, or null for any other task */
		public static OfficeReview ofTask(String taskDefinitionKey) {
			for (OfficeReview review : values()) {
				if (review.taskId.equals(taskDefinitionKey)) {
					return review;
				}
			}
			return null;
		}

	}

	/** A decision as the forms word it, for a coordinator reading the other office's proposal. */
	static String inWords(CoordinatorDecision decision) {
		return switch (decision) {
			case OVERLAP_COORDINATE -> "Confirmed overlap: coordinate the two programmes";
			case OVERLAP_MERGE -> "Confirmed overlap: merge one programme into the other";
			case COMPLEMENTARY -> "Complementary: link the programmes";
			case NOT_OVERLAP -> "Not an overlap";
		};
	}

}
