package org.coopflow.overlap;

import java.util.List;

import org.coopflow.shared.InvalidInputException;

/**
 * What a list of alerts is narrowed to, each part optional; checked here once for the API and the pages.
 * Codes go into a LIKE pattern, so only letters, digits and dashes pass and no wildcard slips in.
 */
record AlertFilter(AlertStatus status, String severity, String office, String country, String standard) {

	AlertFilter {
		if (severity != null && !List.of("HIGH", "MEDIUM", "LOW").contains(severity)) {
			throw new InvalidInputException("severity", "must be HIGH, MEDIUM or LOW");
		}
		if (office != null && !List.of("CPCJD", "OHCHR").contains(office)) {
			throw new InvalidInputException("office", "must be CPCJD or OHCHR");
		}
		code(country, "country");
		code(standard, "standard");
	}

	private static void code(String value, String field) {
		if (value != null && !value.matches("[A-Za-z0-9-]{1,40}")) {
			throw new InvalidInputException(field, "must be a code such as KE or SMR-PRISONERS");
		}
	}

}
