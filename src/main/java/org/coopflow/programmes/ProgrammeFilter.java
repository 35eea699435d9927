package org.coopflow.programmes;

import java.util.Set;

import org.coopflow.reference.Office;

/**
 * Search criteria for the portfolio; null means "any". {@code text} matches title or description.
 */
record ProgrammeFilter(Office office, String country, String standard, Set<ProgrammeStatus> statuses, String text) {
}
