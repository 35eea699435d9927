package org.coopflow.results;

/**
 * Where a reporting period stands against its target, by the rule of {@link Progress}: a period is judged
 * once it has ended and has an actual.
 */
@org.springframework.modulith.NamedInterface("api")
public enum Assessment {

	/** The period has not ended yet. */
	NOT_DUE,
	/** Ended without an actual and without a reason why: progress reports wait for one of them. */
	MISSING,
	/** Ended without an actual, for the reason given. */
	NOT_MEASURED,
	/** A qualitative indicator: its actual is read, not computed. */
	NOT_ASSESSED,
	ON_TRACK,
	OFF_TRACK;

	public String label() {
		return switch (this) {
			case NOT_DUE -> "Not due";
			case MISSING -> "Actual missing";
			case NOT_MEASURED -> "Not measured";
			case NOT_ASSESSED -> "Not assessed";
			case ON_TRACK -> "On track";
			case OFF_TRACK -> "Off track";
		};
	}

}
