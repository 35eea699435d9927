package org.coopflow.overlap;

import org.coopflow.programmes.OverlapDecision;

/** What a coordinator proposes for an alert, and what the two offices decide jointly. */
@org.springframework.modulith.NamedInterface("api")
public enum CoordinatorDecision {

	/** Confirmed overlap: the offices coordinate the two programmes. The proposal goes back for revision. */
	OVERLAP_COORDINATE,
	/** Confirmed overlap: one programme is merged into the other. The proposal is withdrawn. */
	OVERLAP_MERGE,
	/** Complementary: the programmes are linked. The proposal continues. */
	COMPLEMENTARY,
	/** Not an overlap (a reason is required). The proposal continues. */
	NOT_OVERLAP;

	public AlertStatus status() {
		return switch (this) {
			case OVERLAP_COORDINATE, OVERLAP_MERGE -> AlertStatus.CONFIRMED_OVERLAP;
			case COMPLEMENTARY -> AlertStatus.COMPLEMENTARY;
			case NOT_OVERLAP -> AlertStatus.NOT_OVERLAP;
		};
	}

	/** What the decision means for a funding proposal waiting on it. */
	OverlapDecision forProposal() {
		return switch (this) {
			case OVERLAP_COORDINATE -> OverlapDecision.REVISE;
			case OVERLAP_MERGE -> OverlapDecision.WITHDRAW;
			case COMPLEMENTARY, NOT_OVERLAP -> OverlapDecision.CONTINUE;
		};
	}

	boolean needsReason() {
		return this == NOT_OVERLAP;
	}

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case OVERLAP_COORDINATE -> "An overlap: coordinate the two programmes";
			case OVERLAP_MERGE -> "An overlap: merge into one programme";
			case COMPLEMENTARY -> "Complementary: both go ahead";
			case NOT_OVERLAP -> "Not an overlap";
		};
	}

}
