package org.coopflow.overlap.screening;

/**
 * How strongly a pair looks like an overlap; the thresholds are configuration.
 */
public enum Severity {
	HIGH, MEDIUM, LOW
}
