package org.coopflow.activities;

/**
 * Where a report stands: DUE while the officer writes it, SUBMITTED while a second officer reviews it
 * (the final report stays SUBMITTED: it goes to the donors without a review), ACCEPTED, or RETURNED for a
 * moment before the officer's next "Submit" task picks it up again as DUE.
 */
public enum ReportStatus {

	DUE, SUBMITTED, ACCEPTED, RETURNED

}
