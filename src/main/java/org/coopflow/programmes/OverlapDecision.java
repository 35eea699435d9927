package org.coopflow.programmes;

/**
 * What the coordinators' review means for a proposal waiting on it.
 */
@org.springframework.modulith.NamedInterface("ports")
public enum OverlapDecision {
	/** Not an overlap, or complementary: the proposal goes on to review. */
	CONTINUE,
	/** Overlaps and should be reworked: back to the submitter. */
	REVISE,
	/** Duplicates another programme: withdrawn. */
	WITHDRAW;

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case CONTINUE -> "Continue";
			case REVISE -> "Revise";
			case WITHDRAW -> "Withdraw";
		};
	}

}
