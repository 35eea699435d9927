package org.coopflow.pledges;

/** A reported transfer is unverified until an officer confirms receipt or finds it did not arrive. */
@org.springframework.modulith.NamedInterface("api")
public enum PaymentStatus {

	REPORTED, CONFIRMED, REJECTED;

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case REPORTED -> "Reported";
			case CONFIRMED -> "Confirmed";
			case REJECTED -> "Rejected";
		};
	}

}
