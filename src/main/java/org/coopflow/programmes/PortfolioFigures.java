package org.coopflow.programmes;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coopflow.reference.Office;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures a portfolio sums, summed by the database over the programme rows: the programmes module owns
 * these tables, and reporting reads them only through this. Each programme keeps its funding sums as its
 * ledger grows ({@link FundingLedger}: committed in its currency and in dollars, received in dollars), so
 * no query here reads the ledger: they group at most the 100,000 programme rows, or read the few programmes
 * a page names. The lines per standard and per country, which join the programmes to their theme rows, are
 * kept in this node's memory and summed again only when what they sum moved ({@link ThemeLines}). Amounts
 * stay in each programme's currency; the caller converts them at this month's rates, one sum per currency. The SQL is written by hand because it is measured (100,000 programmes,
 * src/test/java/org/coopflow/web/bench and src/test/java/org/coopflow/reporting/bench).
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class PortfolioFigures {

	/** One programme with its funding sums; committed and received dollars at the pledges' own rates. */
	@org.springframework.modulith.NamedInterface("api")
	public record Figures(long id, String title, Office office, ProgrammeStatus status, BigDecimal budget,
			String currency, java.time.Instant fundingDeadlineAt, BigDecimal committed, BigDecimal committedUsd,
			BigDecimal receivedUsd) {

		/** What is still to fund in the programme's currency: nothing once committed funds reach the budget. */
		public BigDecimal gap() {
			return budget.subtract(committed).max(BigDecimal.ZERO);
		}

	}

	/**
	 * The programmes of one status and budget currency: how many, their budgets and committed amounts (in the
	 * currency), committed and received dollars.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record StatusSum(ProgrammeStatus status, String currency, long programmes, BigDecimal budget,
			BigDecimal committed, BigDecimal committedUsd, BigDecimal receivedUsd) {
	}

	/**
	 * The programmes of one code of a theme and one budget currency: how many, their budgets, committed dollars
	 * and the sum of their gaps (each programme's budget less committed funds, nothing when funded beyond it).
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record ThemeSum(String code, String currency, long programmes, BigDecimal budget, BigDecimal committedUsd,
			BigDecimal gap) {
	}

	/**
	 * The programmes of the office per status and currency, and the approved ones per standard and per country
	 * and currency: the lines of the portfolio that sum every programme. The lines per status are read on every
	 * request; those per standard and per country were summed from {@code themesAsOf} on, and are
	 * {@code themesLate} when a programme was written since and they are being summed again ({@link ThemeLines}).
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record Lines(List<StatusSum> byStatus, List<ThemeSum> byStandard, List<ThemeSum> byCountry,
			java.time.Instant themesAsOf, boolean themesLate) {
	}

	/** The programmes of one budget currency with a gap: how many, and the sum of their gaps. */
	@org.springframework.modulith.NamedInterface("api")
	public record GapSum(String currency, long programmes, BigDecimal gap) {
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

	/** A programme's gap in its currency, never negative. */
	private static final String GAP = "CASE WHEN p.budget_amount > p.committed_amount THEN p.budget_amount - p.committed_amount ELSE 0 END";

	private static final String FIGURES = """
			SELECT p.id, p.title, p.office_code, p.status, p.budget_amount, p.budget_currency, p.funding_deadline_at,
			p.committed_amount, p.committed_usd, p.received_usd, """ + GAP + " AS gap FROM programme p ";

	/** Ids per IN list: far below any database's limit on placeholders. */
	private static final int IDS_PER_QUERY = 1000;

	private final JdbcClient jdbc;

	private final ThemeLines themeLines;

	PortfolioFigures(JdbcClient jdbc, ThemeLines themeLines) {
		this.jdbc = jdbc;
		this.themeLines = themeLines;
	}

	/**
	 * The programmes of the office (of both when null) per status and currency, read each time, and those in
	 * {@code statuses} per standard and per country and currency, summed again only when what they sum moved
	 * ({@link ThemeLines}): on a large portfolio, in the background, and until then marked late.
	 */
	public Lines lines(Office office, Collection<ProgrammeStatus> statuses) {
		List<StatusSum> byStatus = byStatus(office);
		// the fingerprint is read before the sums (each statement sees what was committed when it ran): lines
		// kept with a fingerprint older than they are cost one more sum later, never a stale line
		ThemeLines.Read themes = themeLines.of(office, statuses, fingerprint(byStatus),
				() -> fingerprint(byStatus(office)), theme -> byTheme(theme, office, statuses));
		ThemeLines.Summed summed = themes.lines();
		return new Lines(byStatus, summed.byStandard(), summed.byCountry(), summed.asOf(), themes.late());
	}

	/** The programmes of the office (of both when null) per status and budget currency. */
	private List<StatusSum> byStatus(Office office) {
		Map<String, Object> params = new HashMap<>();
		return jdbc.sql("""
				SELECT p.status, p.budget_currency, COUNT(*), SUM(p.budget_amount), SUM(p.committed_amount),
				SUM(p.committed_usd), SUM(p.received_usd)
				FROM programme p WHERE 1 = 1""" + office(office, params) + " GROUP BY p.status, p.budget_currency")
			.params(params)
			.query((rs, n) -> new StatusSum(ProgrammeStatus.valueOf(rs.getString(1)), rs.getString(2).trim(), rs.getLong(3),
					money(rs, 4), money(rs, 5), money(rs, 6), money(rs, 7)))
			.list();
	}

	/**
	 * The lines per status and what else the theme lines are summed from ({@link ThemeLines.Fingerprint}), in
	 * one statement that reads indexes only: the versions' sum and last id ix_programme_version, the ledger's
	 * last id the end of its primary key, the theme tables' rows their code indexes.
	 */
	private ThemeLines.Fingerprint fingerprint(List<StatusSum> byStatus) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(p.version), 0), COALESCE(MAX(p.id), 0),
				(SELECT COALESCE(MAX(f.id), 0) FROM programme_funding_entry f),
				(SELECT COUNT(*) FROM programme_standard), (SELECT COUNT(*) FROM programme_country)
				FROM programme p""")
			.query((rs, n) -> new ThemeLines.Fingerprint(Set.copyOf(byStatus), rs.getLong(1), rs.getLong(2),
					rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
	}

	/** The programmes of the office (of both when null) in the statuses, per code of the theme and budget currency. */
	private List<ThemeSum> byTheme(Theme theme, Office office, Collection<ProgrammeStatus> statuses) {
		Map<String, Object> params = new HashMap<>();
		params.put("statuses", names(statuses));
		return jdbc.sql("SELECT t." + theme.column + ", p.budget_currency, COUNT(*), SUM(p.budget_amount), "
				+ "SUM(p.committed_usd), SUM(" + GAP + ") FROM " + theme.table + " t JOIN programme p ON p.id = t.programme_id "
				+ "WHERE p.status IN (:statuses)" + office(office, params) + " GROUP BY t." + theme.column + ", p.budget_currency")
			.params(params)
			.query((rs, n) -> new ThemeSum(rs.getString(1).trim(), rs.getString(2).trim(), rs.getLong(3), money(rs, 4),
					money(rs, 5), money(rs, 6)))
			.list();
	}

	/** The programmes of the office (of both when null) in the statuses that have a gap, per budget currency. */
	public List<GapSum> gaps(Office office, Collection<ProgrammeStatus> statuses) {
		Map<String, Object> params = new HashMap<>();
		params.put("statuses", names(statuses));
		return jdbc.sql("SELECT p.budget_currency, COUNT(*), SUM(p.budget_amount - p.committed_amount) FROM programme p "
				+ "WHERE p.status IN (:statuses) AND p.budget_amount > p.committed_amount" + office(office, params)
				+ " GROUP BY p.budget_currency")
			.params(params)
			.query((rs, n) -> new GapSum(rs.getString(1).trim(), rs.getLong(2), money(rs, 3)))
			.list();
	}

	/** Those of {@link #gaps} in the currency, largest gap first, then by id; at most {@code limit}. */
	public List<Figures> largestGaps(Office office, Collection<ProgrammeStatus> statuses, String currency, int limit) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = seeking(office, statuses, currency, params);
		params.put("limit", limit);
		return jdbc.sql(FIGURES + where + " ORDER BY gap DESC, p.id LIMIT :limit")
			.params(params)
			.query(PortfolioFigures::figures)
			.list();
	}

	/**
	 * Those of {@link #gaps} in the currency whose gap is at least {@code least} and at most {@code most}
	 * (null: any), by id; at most {@code limit}.
	 */
	public List<Figures> gapsBetween(Office office, Collection<ProgrammeStatus> statuses, String currency,
			BigDecimal least, BigDecimal most, int limit) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = seeking(office, statuses, currency, params);
		if (least != null) {
			where.append(" AND p.budget_amount - p.committed_amount >= :least");
			params.put("least", least);
		}
		if (most != null) {
			where.append(" AND p.budget_amount - p.committed_amount <= :most");
			params.put("most", most);
		}
		params.put("limit", limit);
		return jdbc.sql(FIGURES + where + " ORDER BY p.id LIMIT :limit")
			.params(params)
			.query(PortfolioFigures::figures)
			.list();
	}

	/** Those of the programmes that are of the office (of both when null), by id. */
	public Map<Long, Figures> of(Collection<Long> programmeIds, Office office) {
		List<Long> ids = programmeIds.stream().distinct().sorted().toList();
		Map<Long, Figures> found = new HashMap<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			Map<String, Object> params = new HashMap<>();
			params.put("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
			jdbc.sql(FIGURES + "WHERE p.id IN (:ids)" + office(office, params))
				.params(params)
				.query(PortfolioFigures::figures)
				.list()
				.forEach(figures -> found.put(figures.id(), figures));
		}
		return found;
	}

	private static StringBuilder seeking(Office office, Collection<ProgrammeStatus> statuses, String currency,
			Map<String, Object> params) {
		params.put("statuses", names(statuses));
		params.put("currency", currency);
		return new StringBuilder("WHERE p.status IN (:statuses) AND p.budget_currency = :currency"
				+ " AND p.budget_amount > p.committed_amount" + office(office, params));
	}

	private static String office(Office office, Map<String, Object> params) {
		if (office == null) {
			return "";
		}
		params.put("office", office.name());
		return " AND p.office_code = :office";
	}

	private static List<String> names(Collection<ProgrammeStatus> statuses) {
		return new ArrayList<>(statuses.stream().map(Enum::name).toList());
	}

	/** A sum of amounts kept to the cent (SUM keeps the column's scale; an empty group has none). */
	private static BigDecimal money(ResultSet rs, int column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2);
	}

	private static Figures figures(ResultSet rs, int n) throws SQLException {
		Timestamp deadline = rs.getTimestamp(7);
		return new Figures(rs.getLong(1), rs.getString(2), Office.valueOf(rs.getString(3).trim()),
				ProgrammeStatus.valueOf(rs.getString(4)), rs.getBigDecimal(5).setScale(2), rs.getString(6).trim(),
				deadline == null ? null : deadline.toInstant(), rs.getBigDecimal(8).setScale(2),
				rs.getBigDecimal(9).setScale(2), rs.getBigDecimal(10).setScale(2));
	}

}
