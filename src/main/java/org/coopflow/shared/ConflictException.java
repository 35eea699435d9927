package org.coopflow.shared;

/** The request is valid but the resource's state does not allow it now: 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String detail) {
		super(detail);
	}

}
