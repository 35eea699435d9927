package org.coopflow.programmes;

import java.math.BigDecimal;

/**
 * What the funding proposal process does to a programme. Each call records the change in the
 * programme's history under the given user (or "coopflow" for automatic steps) and publishes the
 * matching event; a transition the programme's status does not allow (also when another request
 * changed it at the same moment) throws {@link org.coopflow.shared.ConflictException}.
 */
@org.springframework.modulith.NamedInterface("ports")
public interface ProposalLifecycle {

	/** The facts a reviewer reads in a task form; never stored as process variables. */
	ProposalFacts facts(long programmeId);

	/** Whether committed funding already covers the budget (funding may arrive while nobody waits for it). */
	boolean fullyFunded(long programmeId);

	/** DRAFT or RETURNED_FOR_REVISION → SUBMITTED (screening for overlaps). */
	void submit(long programmeId, String by);

	/** SUBMITTED → OVERLAP_REVIEW: alerts were raised, the coordinators decide. */
	void awaitOverlapReview(long programmeId);

	/** SUBMITTED or OVERLAP_REVIEW → UNDER_REVIEW. */
	void awaitReview(long programmeId);

	/** → RETURNED_FOR_REVISION, with the reviewer's or coordinators' comments. */
	void returnForRevision(long programmeId, String comment, String by);

	/** UNDER_REVIEW → REJECTED, with the reason. */
	void reject(long programmeId, String reason, String by);

	/** → WITHDRAWN (e.g. the coordinators found it duplicates another programme). */
	void withdraw(long programmeId, String reason, String by);

	/** UNDER_REVIEW → OPEN_FOR_FUNDING: donors see it. */
	void openForFunding(long programmeId, String by);

	/** OPEN_FOR_FUNDING → PARTIALLY_FUNDED: the funding deadline passed short of the budget. */
	void fundingDeadlinePassed(long programmeId);

	/** PARTIALLY_FUNDED → OPEN_FOR_FUNDING; the programme's funding period grows by {@code extraDays}. */
	void extendFundingDeadline(long programmeId, int extraDays, String by);

	/** Revises the budget down to what is funded (amount in the programme currency). */
	void reviseBudget(long programmeId, BigDecimal amount, String by);

	/** → FUNDED; publishes {@link ProgrammeFunded} for implementation. */
	void markFunded(long programmeId, String by);

	/** → CANCELLED; publishes {@link ProgrammeCancelled} so that pledges are released. */
	void cancel(long programmeId, String reason, String by);

}
