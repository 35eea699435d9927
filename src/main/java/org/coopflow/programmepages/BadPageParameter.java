package org.coopflow.programmepages;

/** A query parameter of a page that cannot be understood: which one, and why, in words. */
class BadPageParameter extends RuntimeException {

	private final String parameter;

	private final String reason;

	BadPageParameter(String parameter, String reason) {
		super(parameter + ": " + reason);
		this.parameter = parameter;
		this.reason = reason;
	}

	String parameter() {
		return parameter;
	}

	String reason() {
		return reason;
	}

}
