package org.coopflow.overlap.screening;

/**
 * How strongly a pair looks like an overlap; the thresholds are configuration.
 */
public enum Severity {
	HIGH, MEDIUM, LOW;

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case HIGH -> "High";
			case MEDIUM -> "Medium";
			case LOW -> "Low";
		};
	}

}
