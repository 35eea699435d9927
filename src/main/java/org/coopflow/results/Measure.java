package org.coopflow.results;

/**
 * How an indicator is measured, after IATI's IndicatorMeasure codelist. A qualitative indicator keeps its
 * baseline, targets and actuals as text; every other measure as numbers.
 */
@org.springframework.modulith.NamedInterface("api")
public enum Measure {

	UNIT(1),
	PERCENTAGE(2),
	NOMINAL(3),
	ORDINAL(4),
	QUALITATIVE(5);

	private final int iatiCode;

	Measure(int iatiCode) {
		this.iatiCode = iatiCode;
	}

	/** The code of IATI's IndicatorMeasure codelist, 1 to 5. */
	public int iatiCode() {
		return iatiCode;
	}

	public boolean isQualitative() {
		return this == QUALITATIVE;
	}

	public String label() {
		return switch (this) {
			case UNIT -> "Unit";
			case PERCENTAGE -> "Percentage";
			case NOMINAL -> "Nominal";
			case ORDINAL -> "Ordinal";
			case QUALITATIVE -> "Qualitative";
		};
	}

}
