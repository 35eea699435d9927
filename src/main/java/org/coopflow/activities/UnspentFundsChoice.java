package org.coopflow.activities;

/** What happens to funds received but not spent when a programme closes, as an officer recorded it. */
@org.springframework.modulith.NamedInterface("api")
public enum UnspentFundsChoice {

	/** Returned to the donors, in proportion to what each pledge brought. */
	RETURN,
	/** Kept for another programme of the office, with the donors' agreement. */
	REPROGRAMME;

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case RETURN -> "Return to the donors";
			case REPROGRAMME -> "Reprogramme";
		};
	}

}
