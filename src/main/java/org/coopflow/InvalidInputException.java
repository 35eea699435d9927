package org.coopflow;

/**
 * A request field that is well-formed but wrong for a business reason; answered as 400 with the field
 * named, like a failed bean validation.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	private final String reason;

	public InvalidInputException(String field, String reason) {
		super(field + ": " + reason);
		this.field = field;
		this.reason = reason;
	}

	public String field() {
		return field;
	}

	public String reason() {
		return reason;
	}

}
