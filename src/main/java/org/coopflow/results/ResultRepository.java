package org.coopflow.results;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.coopflow.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The results, indicators, periods and revisions of programmes. A change under an indicator (its baseline,
 * a period, a target, an actual) raises the indicator's version, which is its ETag.
 */
@Repository
class ResultRepository {

	record NewResult(long programmeId, ResultType type, String title, String description, List<String> standards,
			String by, Instant at) {
	}

	record NewIndicator(long resultId, long programmeId, String title, String description, Measure measure,
			boolean ascending, Baseline baseline, String by, Instant at) {
	}

	record NewPeriod(long indicatorId, LocalDate start, LocalDate end, BigDecimal targetValue, String targetText) {
	}

	/** An actual as measured (value or text, with a comment), or why there is none (missingReason). */
	record Actual(BigDecimal value, String text, String comment, String missingReason, String by, Instant at) {
	}

	record NewRevision(long programmeId, long resultId, Long indicatorId, Long periodId, String what, String oldValue,
			String newValue, String reason, String by, Instant at) {
	}

	/** The programme a result belongs to, to check a path. */
	record Owner(long programmeId, long resultId, String title) {
	}

	private final JdbcClient jdbc;

	ResultRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- writing ---------------------------------------------------------------------------------------

	long insert(NewResult result) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO result (programme_id, type, title, description, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(result.programmeId(), result.type().name(), result.title(), result.description(), result.by(),
					Timestamp.from(result.at()))
			.update(key, "id");
		long id = key.getKey().longValue();
		for (String standard : result.standards()) {
			jdbc.sql("INSERT INTO result_standard (result_id, standard_code) VALUES (?, ?)").params(id, standard).update();
		}
		return id;
	}

	long insert(NewIndicator indicator) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		Baseline baseline = indicator.baseline();
		jdbc.sql("""
				INSERT INTO indicator (result_id, programme_id, title, description, measure, ascending, baseline_year,
				baseline_date, baseline_value, baseline_text, baseline_comment, created_by, created_at, updated_by,
				updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
			.params(indicator.resultId(), indicator.programmeId(), indicator.title(), indicator.description(),
					indicator.measure().name(), indicator.ascending(), baseline == null ? null : baseline.year(),
					baseline == null || baseline.date() == null ? null : Date.valueOf(baseline.date()),
					baseline == null ? null : baseline.value(), baseline == null ? null : baseline.text(),
					baseline == null ? null : baseline.comment(), indicator.by(), Timestamp.from(indicator.at()),
					indicator.by(), Timestamp.from(indicator.at()))
			.update(key, "id");
		return key.getKey().longValue();
	}

	long insert(NewPeriod period) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO indicator_period (indicator_id, period_start, period_end, target_value, target_text) VALUES (?, ?, ?, ?, ?)")
			.params(period.indicatorId(), Date.valueOf(period.start()), Date.valueOf(period.end()), period.targetValue(),
					period.targetText())
			.update(key, "id");
		return key.getKey().longValue();
	}

	void updateBaseline(long indicatorId, Baseline baseline) {
		jdbc.sql("""
				UPDATE indicator SET baseline_year = ?, baseline_date = ?, baseline_value = ?, baseline_text = ?,
				baseline_comment = ? WHERE id = ?""")
			.params(baseline.year(), baseline.date() == null ? null : Date.valueOf(baseline.date()), baseline.value(),
					baseline.text(), baseline.comment(), indicatorId)
			.update();
	}

	void updateTarget(long periodId, BigDecimal value, String text) {
		jdbc.sql("UPDATE indicator_period SET target_value = ?, target_text = ? WHERE id = ?")
			.params(value, text, periodId)
			.update();
	}

	void updateActual(long periodId, Actual actual) {
		jdbc.sql("""
				UPDATE indicator_period SET actual_value = ?, actual_text = ?, actual_comment = ?, missing_reason = ?,
				actual_by = ?, actual_at = ? WHERE id = ?""")
			.params(actual.value(), actual.text(), actual.comment(), actual.missingReason(), actual.by(),
					Timestamp.from(actual.at()), periodId)
			.update();
	}

	/**
	 * Raises the indicator's version, when it is still {@code expected} (any version when null).
	 * @throws StaleVersionException (412) when someone changed it since it was read
	 */
	void touch(IndicatorView indicator, Integer expected, String by, Instant at) {
		int updated = jdbc.sql("UPDATE indicator SET version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?"
				+ (expected == null ? "" : " AND version = " + expected.intValue()))
			.params(by, Timestamp.from(at), indicator.id())
			.update();
		if (updated != 1) {
			throw new StaleVersionException("Indicator " + indicator.id() + " is at version " + indicator.version()
					+ ", not " + expected + "; read it again and repeat the change.");
		}
	}

	void insert(NewRevision revision) {
		jdbc.sql("""
				INSERT INTO result_revision (programme_id, result_id, indicator_id, period_id, what, old_value, new_value,
				reason, revised_by, revised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(revision.programmeId(), revision.resultId(), revision.indicatorId(), revision.periodId(),
					revision.what(), clip(revision.oldValue()), clip(revision.newValue()), revision.reason(), revision.by(),
					Timestamp.from(revision.at()))
			.update();
	}

	// --- reading ---------------------------------------------------------------------------------------

	Optional<Owner> ownerOfResult(long resultId) {
		return jdbc.sql("SELECT programme_id, id, title FROM result WHERE id = ?")
			.param(resultId)
			.query((rs, n) -> new Owner(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.optional();
	}

	Optional<IndicatorView> indicator(long indicatorId, LocalDate today) {
		return indicators("i.id = ?", indicatorId, today).stream().findFirst();
	}

	java.time.Instant lastChange() {
		return jdbc.sql("""
				SELECT MAX(t) FROM (
				  SELECT MAX(created_at) AS t FROM result
				  UNION ALL SELECT MAX(updated_at) FROM indicator
				  UNION ALL SELECT MAX(actual_at) FROM indicator_period
				  UNION ALL SELECT MAX(revised_at) FROM result_revision) changes""")
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
	}

	java.time.Instant changedAt(long programmeId) {
		return jdbc.sql("""
				SELECT MAX(t) FROM (
				  SELECT MAX(created_at) AS t FROM result WHERE programme_id = :id
				  UNION ALL SELECT MAX(updated_at) FROM indicator WHERE programme_id = :id
				  UNION ALL SELECT MAX(p.actual_at) FROM indicator_period p JOIN indicator i ON i.id = p.indicator_id
				    WHERE i.programme_id = :id
				  UNION ALL SELECT MAX(revised_at) FROM result_revision WHERE programme_id = :id) changes""")
			.param("id", programmeId)
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
	}

	java.util.Set<Long> withResults(java.util.Collection<Long> programmeIds) {
		if (programmeIds.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT programme_id FROM result WHERE programme_id IN (:ids)")
			.param("ids", programmeIds)
			.query(Long.class)
			.list());
	}

	java.util.Set<Long> withIndicators() {
		// ix_indicator_programme: one entry per programme read, however many indicators each has
		return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT programme_id FROM indicator").query(Long.class).list());
	}

	List<ResultView> ofProgramme(long programmeId, LocalDate today) {
		Map<Long, List<IndicatorView>> indicators = indicators("i.programme_id = ?", programmeId, today).stream()
			.collect(Collectors.groupingBy(IndicatorView::resultId, LinkedHashMap::new, Collectors.toList()));
		Map<Long, List<String>> standards = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT s.result_id, s.standard_code FROM result_standard s JOIN result r ON r.id = s.result_id
				WHERE r.programme_id = ? ORDER BY s.standard_code""")
			.param(programmeId)
			.query((rs, n) -> standards.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return jdbc.sql("SELECT id, programme_id, type, title, description FROM result WHERE programme_id = ? ORDER BY id")
			.param(programmeId)
			.query((rs, n) -> new ResultView(rs.getLong(1), rs.getLong(2), ResultType.valueOf(rs.getString(3)),
					rs.getString(4), rs.getString(5), List.copyOf(standards.getOrDefault(rs.getLong(1), List.of())),
					List.copyOf(indicators.getOrDefault(rs.getLong(1), List.of()))))
			.list();
	}

	/** The indicators of the programmes, with their periods, in one read for the portfolio. */
	List<IndicatorView> indicatorsOfProgrammes(List<Long> programmeIds, LocalDate today) {
		if (programmeIds.isEmpty()) {
			return List.of();
		}
		String in = programmeIds.stream().map(id -> "?").collect(Collectors.joining(", "));
		return indicators("i.programme_id IN (" + in + ")", programmeIds.toArray(), today);
	}

	List<RevisionView> revisions(long programmeId) {
		return jdbc.sql("""
				SELECT id, programme_id, result_id, indicator_id, period_id, what, old_value, new_value, reason, revised_by,
				revised_at FROM result_revision WHERE programme_id = ? ORDER BY revised_at, id""")
			.param(programmeId)
			.query((rs, n) -> new RevisionView(rs.getLong(1), rs.getLong(2), rs.getLong(3), nullableLong(rs, 4),
					nullableLong(rs, 5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getTimestamp(11).toInstant()))
			.list();
	}

	private List<IndicatorView> indicators(String where, Object param, LocalDate today) {
		return indicators(where, new Object[] {param}, today);
	}

	private List<IndicatorView> indicators(String where, Object[] params, LocalDate today) {
		record Row(long id, long resultId, long programmeId, String title, String description, Measure measure,
				boolean ascending, Baseline baseline, int version) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT i.id, i.result_id, i.programme_id, i.title, i.description, i.measure, i.ascending, i.baseline_year,
				i.baseline_date, i.baseline_value, i.baseline_text, i.baseline_comment, i.version
				FROM indicator i WHERE """ + " " + where + " ORDER BY i.id")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					Measure.valueOf(rs.getString(6)), rs.getBoolean(7), baseline(rs), rs.getInt(13)))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, Row> byId = rows.stream().collect(Collectors.toMap(Row::id, row -> row));
		Map<Long, List<PeriodView>> periods = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT p.id, p.indicator_id, p.period_start, p.period_end, p.target_value, p.target_text, p.actual_value,
				p.actual_text, p.actual_comment, p.missing_reason, p.actual_by, p.actual_at
				FROM indicator_period p JOIN indicator i ON i.id = p.indicator_id WHERE """ + " " + where
				+ " ORDER BY p.period_start, p.id")
			.params(params)
			.query((rs, n) -> {
				Row indicator = byId.get(rs.getLong(2));
				LocalDate end = rs.getDate(4).toLocalDate();
				BigDecimal target = rs.getBigDecimal(5);
				BigDecimal actual = rs.getBigDecimal(7);
				Assessment assessment = Progress.assess(indicator.measure(), indicator.ascending(),
						indicator.baseline() == null ? null : indicator.baseline().value(), end, target, actual,
						rs.getString(8), rs.getString(10), today);
				Timestamp actualAt = rs.getTimestamp(12);
				return periods.computeIfAbsent(indicator.id(), id -> new ArrayList<>())
					.add(new PeriodView(rs.getLong(1), indicator.id(), rs.getDate(3).toLocalDate(), end, strip(target),
							rs.getString(6), strip(actual), rs.getString(8), rs.getString(9), rs.getString(10),
							rs.getString(11), actualAt == null ? null : actualAt.toInstant(), assessment));
			})
			.list();
		return rows.stream()
			.map(row -> new IndicatorView(row.id(), row.resultId(), row.programmeId(), row.title(), row.description(),
					row.measure(), row.ascending(), row.baseline(), List.copyOf(periods.getOrDefault(row.id(), List.of())),
					row.version()))
			.toList();
	}

	private static Baseline baseline(ResultSet rs) throws SQLException {
		int year = rs.getInt(8);
		boolean noYear = rs.wasNull();
		Date date = rs.getDate(9);
		BigDecimal value = rs.getBigDecimal(10);
		String text = rs.getString(11);
		if (noYear && date == null && value == null && text == null) {
			return null;
		}
		return new Baseline(noYear ? null : year, date == null ? null : date.toLocalDate(), strip(value), text,
				rs.getString(12));
	}

	/** 12.5000 as stored reads 12.5, as it was entered (the column keeps four decimals). */
	private static BigDecimal strip(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	/** A value as the revision keeps it: the column holds 2000 characters, a baseline with its comment more. */
	private static String clip(String value) {
		return value == null || value.length() <= 2000 ? value : value.substring(0, 1999) + "…";
	}

	private static Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
