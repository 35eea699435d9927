package org.coopflow.shared;

/** Someone else changed the resource since the client read it (If-Match / version): 412. */
public class StaleVersionException extends RuntimeException {

	public StaleVersionException(String detail) {
		super(detail);
	}

}
