package org.coopflow.programmes;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;

import org.coopflow.reference.Office;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of every programme a portfolio sums, read in one query per table however many programmes
 * there are: the programmes module owns these tables, and reporting reads them only through this. The SQL
 * is written by hand because it is measured (100,000 programmes, src/test/java/org/coopflow/reporting/bench).
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

	private final JdbcClient jdbc;

	PortfolioFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every programme of the office (of both when null), by id. */
	public List<Figures> of(Office office) {
		// the funding entries are summed per programme before the join: grouping the joined rows by every
		// programme column made MariaDB sort 100,000 wide rows through a temporary table (3.7 s, now 1.5 s)
		return jdbc.sql("""
				SELECT p.id, p.title, p.office_code, p.status, p.budget_amount, p.budget_currency, p.funding_deadline_at,
				COALESCE(f.committed, 0), COALESCE(f.committed_usd, 0), COALESCE(f.received_usd, 0)
				FROM programme p LEFT JOIN (
				  SELECT programme_id,
				  SUM(CASE WHEN stage = 'COMMITTED' THEN amount END) AS committed,
				  SUM(CASE WHEN stage = 'COMMITTED' THEN amount_usd END) AS committed_usd,
				  SUM(CASE WHEN stage = 'RECEIVED' THEN amount_usd END) AS received_usd
				  FROM programme_funding_entry GROUP BY programme_id) f ON f.programme_id = p.id
				""" + (office == null ? "" : "WHERE p.office_code = :office ") + """
				ORDER BY p.id""")
			.params(office == null ? Map.of() : Map.of("office", office.name()))
			.query((rs, n) -> {
				Timestamp deadline = rs.getTimestamp(7);
				return new Figures(rs.getLong(1), rs.getString(2), Office.valueOf(rs.getString(3).trim()),
						ProgrammeStatus.valueOf(rs.getString(4)), rs.getBigDecimal(5).setScale(2), rs.getString(6).trim(),
						deadline == null ? null : deadline.toInstant(), rs.getBigDecimal(8).setScale(2),
						rs.getBigDecimal(9).setScale(2), rs.getBigDecimal(10).setScale(2));
			})
			.list();
	}

	/** Each (code, programme id) pair of the theme, of every programme. */
	public void eachOf(Theme theme, ObjLongConsumer<String> each) {
		jdbc.sql("SELECT t.programme_id, t." + theme.column + " FROM " + theme.table + " t")
			.query(rs -> {
				each.accept(rs.getString(2).trim(), rs.getLong(1));
			});
	}

}
