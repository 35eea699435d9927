package org.coopflow.programmes;

import java.math.BigDecimal;
import java.util.Set;

import org.coopflow.reference.Office;

/**
 * Search criteria for the portfolio; null means "any". {@code text} matches title or description.
 * {@code minGap}, when set, keeps the programmes with a funding gap (budget less committed funding, in
 * the programme's own currency) above zero and at least that large.
 */
@org.springframework.modulith.NamedInterface("api")
public record ProgrammeFilter(Office office, String country, String standard, Set<ProgrammeStatus> statuses,
		String text, BigDecimal minGap) {

	public ProgrammeFilter(Office office, String country, String standard, Set<ProgrammeStatus> statuses, String text) {
		this(office, country, standard, statuses, text, null);
	}

}
