package org.coopflow.pledges;

import java.math.BigDecimal;
import java.util.List;

/**
 * Sums of pledges per status and currency, and in USD, always from the amounts stored with each
 * pledge (never recomputed at today's rate). {@code fundingUsd} counts COMMITTED and later only.
 */
record PledgeTotals(List<Line> lines, BigDecimal pledgedUsd, BigDecimal fundingUsd) {

	public record Line(PledgeStatus status, String currency, long pledges, BigDecimal amount, BigDecimal amountUsd) {
	}

	static PledgeTotals of(List<Line> lines) {
		BigDecimal pledged = sum(lines, List.of(PledgeStatus.PLEDGED));
		BigDecimal funding = sum(lines, List.copyOf(PledgeStatus.FUNDING));
		return new PledgeTotals(lines, pledged, funding);
	}

	private static BigDecimal sum(List<Line> lines, List<PledgeStatus> statuses) {
		return lines.stream()
			.filter(line -> statuses.contains(line.status()))
			.map(Line::amountUsd)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

}
