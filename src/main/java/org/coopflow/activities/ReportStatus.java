package org.coopflow.activities;

/**
 * Where a report stands: DUE while the officer writes it, SUBMITTED while a second officer reviews it
 * (the final report stays SUBMITTED: it goes to the donors without a review), ACCEPTED, or RETURNED for a
 * moment before the officer's next "Submit" task picks it up again as DUE. A progress report still open when
 * the programme closes is SUPERSEDED: the final report, which covers the whole implementation, took its place.
 */
@org.springframework.modulith.NamedInterface("api")
public enum ReportStatus {

	DUE, SUBMITTED, ACCEPTED, RETURNED, SUPERSEDED;

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case DUE -> "Due";
			case SUBMITTED -> "Submitted";
			case ACCEPTED -> "Accepted";
			case RETURNED -> "Returned";
			case SUPERSEDED -> "Superseded";
		};
	}

}
