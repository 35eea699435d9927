package org.coopflow.publishing;

import java.util.List;

import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.reference.Office;

/**
 * A programme left out of the IATI file, with every rule its activity would break: the rule's id in the
 * IATI Standard ruleset ({@code 2.1.2}, {@code 7.5.3}, ...), {@code schema:<element>} for what the schema
 * requires, or {@code codelist:<list>} for a code not in its IATI codelist.
 */
public record IatiProblem(long programmeId, Office office, ProgrammeStatus status, String iatiIdentifier, String title,
		List<Rule> rules) {

	public record Rule(String rule, String message) {
	}

}
