package org.coopflow.activities;

/**
 * Where an activity stands. The implementation process moves it from PLANNED to IN_PROGRESS when the
 * programme's implementation starts and to COMPLETED when the officer completes it; an officer may
 * cancel it, with a reason, until then.
 */
@org.springframework.modulith.NamedInterface("api")
public enum ActivityStatus {

	PLANNED, IN_PROGRESS, COMPLETED, CANCELLED;

	boolean isOpen() {
		return this == PLANNED || this == IN_PROGRESS;
	}

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case PLANNED -> "Planned";
			case IN_PROGRESS -> "In progress";
			case COMPLETED -> "Completed";
			case CANCELLED -> "Cancelled";
		};
	}

}
