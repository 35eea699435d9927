package org.coopflow.activities;

/**
 * How far a funded programme's implementation has come. Activities are added while PLANNING: the
 * process carries out the activities planned when implementation starts.
 */
@org.springframework.modulith.NamedInterface("api")
public enum ImplementationStage {

	PLANNING, IN_IMPLEMENTATION, CLOSED;

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case PLANNING -> "Planning";
			case IN_IMPLEMENTATION -> "In implementation";
			case CLOSED -> "Closed";
		};
	}

}
