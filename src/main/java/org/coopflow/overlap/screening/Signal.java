package org.coopflow.overlap.screening;

/**
 * One reason a pair was scored: which signal fired, what it saw, and how much it added to the score.
 */
public record Signal(String name, String detail, double contribution) {

	public static final String STANDARDS = "shared-standards";

	public static final String INSTITUTION = "same-institution";

	public static final String ACTIVITY_TYPE = "same-activity-type";

	public static final String PARTNER = "same-partner";

	public static final String TEXT = "similar-text";

	public static final String COUNTRIES = "shared-countries";

	public static final String TIME = "time-overlap";

}
