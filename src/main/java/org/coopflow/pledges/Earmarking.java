package org.coopflow.pledges;

/** How far a donor ties a pledge: not at all, to a standard, to a beneficiary country, to a programme. */
@org.springframework.modulith.NamedInterface("api")
public enum Earmarking {

	NONE, STANDARD, COUNTRY, PROGRAMME;

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case NONE -> "Not earmarked";
			case STANDARD -> "Earmarked for a standard";
			case COUNTRY -> "Earmarked for a country";
			case PROGRAMME -> "Earmarked for a programme";
		};
	}

}
