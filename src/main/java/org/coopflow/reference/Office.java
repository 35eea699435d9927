package org.coopflow.reference;

/**
 * The two offices that run technical cooperation programmes (ECOSOC resolution 1997/32, para. 6).
 * Their names and IATI organisation ids are seeded in the {@code office} table.
 */
@org.springframework.modulith.NamedInterface("api")
public enum Office {
	CPCJD, OHCHR;

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case CPCJD -> "CPCJD";
			case OHCHR -> "OHCHR";
		};
	}

}
