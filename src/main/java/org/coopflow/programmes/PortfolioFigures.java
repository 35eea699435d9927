package org.coopflow.programmes;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.coopflow.reference.Office;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures a portfolio sums, summed by the database in one query per view however many programmes there
 * are: the programmes module owns these tables, and reporting reads them only through this. The SQL is written
 * by hand because it is measured (100,000 programmes and 1,000,000 ledger entries, src/test/java/org/coopflow/web/bench).
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class PortfolioFigures {

	/** One programme with its funding sums; committed and received dollars at the pledges' own rates. */
	@org.springframework.modulith.NamedInterface("api")
	public record Figures(long id, String title, Office office, ProgrammeStatus status, BigDecimal budget,
			String currency, Instant fundingDeadlineAt, BigDecimal committed, BigDecimal committedUsd,
			BigDecimal receivedUsd) {
	}

	/** The themes a programme is counted under. */
	@org.springframework.modulith.NamedInterface("api")
	public enum Theme {

		STANDARD("programme_standard", "standard_code"), COUNTRY("programme_country", "country_code");

		private final String table;

		private final String column;

		Theme(String table, String column) {
			this.table = table;
			this.column = column;
		}

	}

	/**
	 * The sums over a group of programmes (a status, a standard, a country). The dollar budget and gap leave out
	 * the programmes whose currency has no rate; committed and received dollars are the pledges' own.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record Sums(String key, long programmes, BigDecimal budgetUsd, BigDecimal committedUsd,
			BigDecimal receivedUsd, BigDecimal gapUsd) {
	}

	/** A programme as a list of late reports or indicators names it. */
	@org.springframework.modulith.NamedInterface("api")
	public record Named(long id, String title, Office office, ProgrammeStatus status) {
	}

	/**
	 * Each programme's funding sums, added up from its ledger where the portfolio needs them: the ledger has
	 * ten rows a programme and more, and ix_funding_entry_sums lets the server sum them from the index alone.
	 */
	private static final String FUNDING = """
			LEFT JOIN (
			  SELECT programme_id,
			  SUM(CASE WHEN stage = 'COMMITTED' THEN amount END) AS committed,
			  SUM(CASE WHEN stage = 'COMMITTED' THEN amount_usd END) AS committed_usd,
			  SUM(CASE WHEN stage = 'RECEIVED' THEN amount_usd END) AS received_usd
			  FROM programme_funding_entry GROUP BY programme_id) f ON f.programme_id = p.id
			""";

	private static final String GAP = "GREATEST(p.budget_amount - COALESCE(f.committed, 0), 0)";

	private final JdbcClient jdbc;

	PortfolioFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The currencies the office's programmes (both offices' when null) are budgeted in. */
	public List<String> currencies(Office office) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("SELECT DISTINCT p.budget_currency FROM programme p" + where(office, null, params))
			.params(params)
			.query((rs, n) -> rs.getString(1).trim())
			.list();
	}

	/**
	 * The office's programmes (both offices' when null) per status, summed by the database: a portfolio of
	 * 100,000 programmes read into memory and summed in Java took seconds (src/test/java/org/coopflow/web/bench).
	 * {@code unitsPerUsd} is this month's rate of each currency that has one; budgets are converted programme by
	 * programme and rounded to the cent (half away from zero where Java rounded an exact half cent to even).
	 */
	public List<Sums> byStatus(Office office, Map<String, BigDecimal> unitsPerUsd) {
		List<Object> params = new ArrayList<>();
		String budgetUsd = usd("p.budget_amount", unitsPerUsd, params);
		String sql = "SELECT p.status, COUNT(*), SUM(" + budgetUsd + "), SUM(f.committed_usd), SUM(f.received_usd), 0"
				+ " FROM programme p " + FUNDING + where(office, null, params) + " GROUP BY p.status";
		return sums(sql, params);
	}

	/** The office's programmes (both offices' when null) of the statuses, per code of the theme. */
	public List<Sums> byTheme(Theme theme, Office office, Collection<ProgrammeStatus> statuses,
			Map<String, BigDecimal> unitsPerUsd) {
		List<Object> params = new ArrayList<>();
		String budgetUsd = usd("p.budget_amount", unitsPerUsd, params);
		String gapUsd = usd(GAP, unitsPerUsd, params);
		String sql = "SELECT t." + theme.column + ", COUNT(*), SUM(" + budgetUsd + "), SUM(f.committed_usd), 0, SUM("
				+ gapUsd + ") FROM " + theme.table + " t JOIN programme p ON p.id = t.programme_id " + FUNDING
				+ where(office, statuses, params) + " GROUP BY t." + theme.column;
		return sums(sql, params);
	}

	/**
	 * The office's programmes open for funding whose budget is not yet committed: how many, and their gap in
	 * dollars at this month's rates (key and the other sums unused).
	 */
	public Sums seekingFunds(Office office, Map<String, BigDecimal> unitsPerUsd) {
		List<Object> params = new ArrayList<>();
		String gapUsd = usd(GAP, unitsPerUsd, params);
		String sql = "SELECT 'GAP', COUNT(*), 0, 0, 0, SUM(" + gapUsd + ") FROM programme p " + FUNDING
				+ where(office, OPEN_FOR_FUNDING, params) + " AND " + GAP + " > 0";
		return sums(sql, params).get(0);
	}

	/** Of those, the {@code limit} with the largest gap in dollars (those without a rate last), then by id. */
	public List<Figures> largestGaps(Office office, Map<String, BigDecimal> unitsPerUsd, int limit) {
		// parameters in the order of their places in the statement
		List<Object> params = new ArrayList<>();
		String filter = where(office, OPEN_FOR_FUNDING, params) + " AND " + GAP + " > 0";
		String withoutRateLast = "CASE WHEN " + usd(GAP, unitsPerUsd, params) + " IS NULL THEN 1 ELSE 0 END";
		String largestFirst = usd(GAP, unitsPerUsd, params) + " DESC";
		params.add(limit);
		return jdbc.sql("SELECT " + FIGURES + " FROM programme p " + FUNDING + filter + " ORDER BY " + withoutRateLast + ", "
				+ largestFirst + ", p.id LIMIT ?")
			.params(params)
			.query(PortfolioFigures::figures)
			.list();
	}

	/** The programmes of the ids that exist, by id. */
	public List<Named> named(Collection<Long> ids) {
		List<Named> named = new ArrayList<>();
		List<Long> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += 1000) {
			List<Long> chunk = all.subList(from, Math.min(from + 1000, all.size()));
			named.addAll(jdbc.sql("SELECT id, title, office_code, status FROM programme WHERE id IN ("
					+ String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")")
				.params(chunk)
				.query((rs, n) -> new Named(rs.getLong(1), rs.getString(2), Office.valueOf(rs.getString(3).trim()),
						ProgrammeStatus.valueOf(rs.getString(4))))
				.list());
		}
		named.sort(java.util.Comparator.comparingLong(Named::id));
		return named;
	}

	private static final java.util.Set<ProgrammeStatus> OPEN_FOR_FUNDING = java.util.EnumSet
		.of(ProgrammeStatus.OPEN_FOR_FUNDING, ProgrammeStatus.PARTIALLY_FUNDED);

	private static final String FIGURES = """
			p.id, p.title, p.office_code, p.status, p.budget_amount, p.budget_currency, p.funding_deadline_at,
			COALESCE(f.committed, 0), COALESCE(f.committed_usd, 0), COALESCE(f.received_usd, 0)""";

	private static Figures figures(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp deadline = rs.getTimestamp(7);
		return new Figures(rs.getLong(1), rs.getString(2), Office.valueOf(rs.getString(3).trim()),
				ProgrammeStatus.valueOf(rs.getString(4)), rs.getBigDecimal(5).setScale(2), rs.getString(6).trim(),
				deadline == null ? null : deadline.toInstant(), rs.getBigDecimal(8).setScale(2),
				rs.getBigDecimal(9).setScale(2), rs.getBigDecimal(10).setScale(2));
	}

	/** {@code amount} in dollars at the rate of the programme's currency, to the cent; null without a rate. */
	private static String usd(String amount, Map<String, BigDecimal> unitsPerUsd, List<Object> params) {
		if (unitsPerUsd.isEmpty()) {
			return "CAST(NULL AS DECIMAL(19, 2))";
		}
		StringBuilder rate = new StringBuilder("CASE p.budget_currency");
		unitsPerUsd.forEach((currency, units) -> {
			rate.append(" WHEN ? THEN ?");
			params.add(currency);
			params.add(units);
		});
		return "ROUND(" + amount + " / " + rate.append(" END") + ", 2)";
	}

	private static String where(Office office, Collection<ProgrammeStatus> statuses, List<Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (office != null) {
			where.append(" AND p.office_code = ?");
			params.add(office.name());
		}
		if (statuses != null) {
			where.append(" AND p.status IN (").append(String.join(", ", java.util.Collections.nCopies(statuses.size(), "?"))).append(")");
			statuses.forEach(status -> params.add(status.name()));
		}
		return where.toString();
	}

	private List<Sums> sums(String sql, List<Object> params) {
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new Sums(rs.getString(1).trim(), rs.getLong(2), cents(rs.getBigDecimal(3)),
					cents(rs.getBigDecimal(4)), cents(rs.getBigDecimal(5)), cents(rs.getBigDecimal(6))))
			.list();
	}

	private static BigDecimal cents(BigDecimal sum) {
		return sum == null ? BigDecimal.ZERO.setScale(2) : sum.setScale(2, java.math.RoundingMode.HALF_EVEN);
	}

}
