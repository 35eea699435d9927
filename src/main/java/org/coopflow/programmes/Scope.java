package org.coopflow.programmes;

/**
 * Whom a programme serves: named countries, a region, or every Member State.
 */
@org.springframework.modulith.NamedInterface("api")
public enum Scope {
	/** One or more named beneficiary countries. */
	NATIONAL,
	/** A region; the countries it covers may be listed or left empty. */
	REGIONAL,
	/** All Member States; no country list needed. */
	GLOBAL;

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case NATIONAL -> "National";
			case REGIONAL -> "Regional";
			case GLOBAL -> "Global";
		};
	}

}
