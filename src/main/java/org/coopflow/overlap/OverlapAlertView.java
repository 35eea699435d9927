package org.coopflow.overlap;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An overlap alert as the API shows it: the two programmes, how strongly and why they seem to
 * overlap, and the coordinators' decision once taken.
 */
@org.springframework.modulith.NamedInterface("api")
public record OverlapAlertView(long id, ProgrammeSide first, ProgrammeSide second, boolean sameOffice,
		BigDecimal score, String severity, List<Signal> signals, List<String> sharedCountries,
		List<String> sharedStandards, AlertStatus status, CoordinatorDecision decision, String decisionReason,
		String decidedBy, Instant decidedAt, Long raisedFor, Instant raisedAt, int version) {

	/** The score as coordinators read it on the pages and in Tasklist's forms alike: "89.9 % similar". */
	public String similarity() {
		return OverlapAlerts.scoreInWords(score);
	}

	/** One of the two programmes, as far as a coordinator needs it to compare. */
	@org.springframework.modulith.NamedInterface("api")
	public record ProgrammeSide(long id, String office, String title, String status, List<String> countries,
			List<String> standards, LocalDate plannedStart, LocalDate plannedEnd) {
	}

	/** A signal that fired, what it found, and how much it added to the score. */
	@org.springframework.modulith.NamedInterface("api")
	public record Signal(String name, String detail, BigDecimal contribution) {
	}

}
