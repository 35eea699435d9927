package org.coopflow.programmes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.coopflow.reference.Office;

/**
 * A read-only summary of a proposal for the people who decide on it.
 */
public record ProposalFacts(long programmeId, Office office, String title, String description, List<String> countries,
		List<String> standards, LocalDate plannedStart, LocalDate plannedEnd, BigDecimal budgetAmount,
		String budgetCurrency, int fundingDeadlineDays, String submittedBy, ProgrammeStatus status) {
}
