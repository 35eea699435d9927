package org.coopflow.programmes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.coopflow.reference.Office;

/**
 * A read-only summary of a proposal for the people who decide on it, taken from the programme's own
 * record (never from process variables, which whoever completes a task can rewrite).
 *
 * @param submittedBy the officer who first submitted it through coopflow's API
 * @param authors everyone who created, changed or (re)submitted it: none of them may review it
 * @param fundingDeadlineAt when its funding period ends, once it is open for funding
 * @param reviewNotes what its writers noted for the reviewer (internal, never shown to donors); null for none
 */
@org.springframework.modulith.NamedInterface("api")
public record ProposalFacts(long programmeId, Office office, String title, String description, List<String> countries,
		List<String> standards, LocalDate plannedStart, LocalDate plannedEnd, BigDecimal budgetAmount,
		String budgetCurrency, int fundingDeadlineDays, String submittedBy, ProgrammeStatus status,
		List<String> authors, java.time.Instant fundingDeadlineAt, String reviewNotes) {

	public ProposalFacts {
		authors = authors == null ? List.of() : List.copyOf(authors);
	}

}
