package org.coopflow.programmes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.coopflow.reference.ExchangeRates;
import org.coopflow.security.CoopflowUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sums a programme's funding from its funding entries: amounts in the programme currency and in USD
 * as stored with each pledge, the budget in USD at this month's operational rate.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class ProgrammeFunding {

	private final ProgrammeService programmes;

	private final JdbcClient jdbc;

	private final ExchangeRates rates;

	private final Clock clock;

	ProgrammeFunding(ProgrammeService programmes, JdbcClient jdbc, ExchangeRates rates, Clock clock) {
		this.programmes = programmes;
		this.clock = clock;
		this.jdbc = jdbc;
		this.rates = rates;
	}

	public FundingStatus status(CoopflowUser user, long programmeId) {
		ProgrammeView programme = programmes.get(user, programmeId);
		Map<String, BigDecimal[]> sums = new HashMap<>();
		jdbc.sql("""
				SELECT stage, COALESCE(SUM(amount), 0), COALESCE(SUM(amount_usd), 0) FROM programme_funding_entry
				WHERE programme_id = ? GROUP BY stage""")
			.param(programmeId)
			.query(rs -> {
				sums.put(rs.getString(1), new BigDecimal[] { rs.getBigDecimal(2), rs.getBigDecimal(3) });
			});
		BigDecimal budget = programme.budget().amount();
		BigDecimal pledged = sum(sums, "PLEDGED", 0);
		BigDecimal committed = sum(sums, "COMMITTED", 0);
		BigDecimal received = sum(sums, "RECEIVED", 0);
		BigDecimal gap = budget.subtract(committed).max(BigDecimal.ZERO).setScale(2);
		FundingStatus.Amounts usd = rates.toUsd(budget, programme.budget().currency(), LocalDate.now(clock))
			.map(budgetUsd -> new FundingStatus.Amounts(budgetUsd, sum(sums, "PLEDGED", 1), sum(sums, "COMMITTED", 1),
					sum(sums, "RECEIVED", 1), budgetUsd.subtract(sum(sums, "COMMITTED", 1)).max(BigDecimal.ZERO)))
			.orElse(null);
		return new FundingStatus(programmeId, programme.budget().currency(), budget.setScale(2), pledged, committed,
				received, gap, usd, usd == null);
	}

	private static BigDecimal sum(Map<String, BigDecimal[]> sums, String stage, int column) {
		BigDecimal[] row = sums.get(stage);
		return (row == null ? BigDecimal.ZERO : row[column]).setScale(2);
	}

}
