package org.coopflow.results;

/** What a result is, after IATI's ResultType codelist (1 output, 2 outcome). */
@org.springframework.modulith.NamedInterface("api")
public enum ResultType {

	OUTPUT(1),
	OUTCOME(2);

	private final int iatiCode;

	ResultType(int iatiCode) {
		this.iatiCode = iatiCode;
	}

	public int iatiCode() {
		return iatiCode;
	}

	public String label() {
		return this == OUTPUT ? "Output" : "Outcome";
	}

}
