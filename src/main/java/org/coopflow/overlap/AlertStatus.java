package org.coopflow.overlap;

/** Where an overlap alert stands: open until the coordinators' joint decision, then that decision. */
@org.springframework.modulith.NamedInterface("api")
public enum AlertStatus {

	OPEN,
	/** The coordinators confirmed the overlap: the programmes must be coordinated or merged. */
	CONFIRMED_OVERLAP,
	/** Related but not duplicating: the programmes are linked. */
	COMPLEMENTARY,
	/** No overlap; the reason is recorded. The pair stays quiet until one of its signals changes. */
	NOT_OVERLAP,
	/** A later screening replaced the alert before it was decided (a signal changed). */
	SUPERSEDED;

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case OPEN -> "Open";
			case CONFIRMED_OVERLAP -> "Confirmed overlap";
			case COMPLEMENTARY -> "Complementary";
			case NOT_OVERLAP -> "Not an overlap";
			case SUPERSEDED -> "Superseded";
		};
	}

}
