package org.coopflow.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Request fields that are well-formed but wrong for a business reason; answered as 400 with every
 * field named, like a failed bean validation. Nothing has been changed when it is thrown.
 */
public class InvalidInputException extends RuntimeException {

	private final List<InvalidField> errors;

	public InvalidInputException(String field, String reason) {
		this(List.of(new InvalidField(field, reason)));
	}

	public InvalidInputException(List<InvalidField> errors) {
		// the message is what Tasklist shows when a task listener refuses a completion
		super(errors.stream().map(error -> error.field() + ": " + error.reason()).collect(Collectors.joining("; ")));
		this.errors = List.copyOf(errors);
	}

	public List<InvalidField> errors() {
		return errors;
	}

}
