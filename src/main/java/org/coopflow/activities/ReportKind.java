package org.coopflow.activities;

/** The reports of an implementation: one per reporting period, and one at the end. */
@org.springframework.modulith.NamedInterface("api")
public enum ReportKind {

	PROGRESS, FINAL;

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case PROGRESS -> "Progress report";
			case FINAL -> "Final report";
		};
	}

}
