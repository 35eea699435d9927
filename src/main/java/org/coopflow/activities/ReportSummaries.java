package org.coopflow.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of an implementation report, e.g. to tell donors what the final report
 * says: its kind, period, summary, spending and dates. Read-only.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class ReportSummaries {

	@org.springframework.modulith.NamedInterface("api")
	public record ReportSummary(long reportId, long programmeId, ReportKind kind, LocalDate periodFrom,
			LocalDate periodTo, String summary, BigDecimal spent, Instant dueAt, Instant submittedAt) {
	}

	private final JdbcClient jdbc;

	ReportSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ReportSummary> find(long reportId) {
		return jdbc.sql("""
				SELECT id, programme_id, kind, period_from, period_to, summary, spent, due_at, submitted_at
				FROM implementation_report WHERE id = ?""")
			.param(reportId)
			.query((rs, n) -> new ReportSummary(rs.getLong(1), rs.getLong(2), ReportKind.valueOf(rs.getString(3)),
					Rows.date(rs, 4), Rows.date(rs, 5), rs.getString(6), rs.getBigDecimal(7),
					rs.getTimestamp(8).toInstant(), Rows.instant(rs, "submitted_at")))
			.optional();
	}

}
