package org.coopflow.programmes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.coopflow.reference.Money;
import org.coopflow.reference.Office;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ProgrammeRepository {

	private static final String COLUMNS = """
			id, office_code, title, description, scope, beneficiary_institution, implementing_partner, planned_start,
			planned_end, budget_amount, budget_currency, funding_deadline_days, funding_deadline_at, status, review_notes, created_by, created_at,
			updated_by, updated_at, version""";

	/** Rows per multi-row INSERT: far below MySQL's 65,535 placeholders and a 16MB packet of history JSON. */
	private static final int ROWS_PER_STATEMENT = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ObjectMapper json;

	ProgrammeRepository(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	record Page(List<ProgrammeView> content, long totalElements) {
	}

	long insert(ProgrammeDraft draft, Office office, ProgrammeStatus status, String user, Instant now) {
		long id = insertRow(draft, office, status, user, now);
		insertThemes(List.of(id), List.of(draft));
		return id;
	}

	/**
	 * Inserts many programmes of one office: a row each (the generated id is needed for the lookup rows),
	 * then all lookup rows as multi-row statements.
	 *
	 * @return the ids, in the order of {@code drafts}
	 */
	List<Long> insertAll(List<ProgrammeDraft> drafts, Office office, ProgrammeStatus status, String user, Instant now) {
		List<Long> ids = new ArrayList<>(drafts.size());
		for (ProgrammeDraft draft : drafts) {
			ids.add(insertRow(draft, office, status, user, now));
		}
		themeRows(ids, drafts).forEach((table, rows) -> insertMany("INSERT INTO " + table, "(?, ?)", rows));
		return ids;
	}

	private long insertRow(ProgrammeDraft draft, Office office, ProgrammeStatus status, String user, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO programme (office_code, title, description, scope, beneficiary_institution, implementing_partner,
				  planned_start, planned_end, budget_amount, budget_currency, funding_deadline_days, status, review_notes,
				  created_by, created_at, updated_by, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(office.name(), draft.title(), draft.description(), draft.scopeOrDefault().name(),
					blankToNull(draft.beneficiaryInstitution()), blankToNull(draft.implementingPartner()), draft.plannedStart(),
					draft.plannedEnd(), draft.budget().amount(), draft.budget().currency(), draft.fundingDeadlineDaysOrDefault(),
					status.name(), blankToNull(draft.reviewNotes()), user, Timestamp.from(now), user, Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** Writes the lookup rows of many programmes in four batches. */
	void insertThemes(List<Long> ids, List<ProgrammeDraft> drafts) {
		themeRows(ids, drafts).forEach((table, rows) -> template.batchUpdate("INSERT INTO " + table + " VALUES (?, ?)", rows));
	}

	/** The lookup rows of each lookup table, keyed by "table (columns)". */
	private static Map<String, List<Object[]>> themeRows(List<Long> ids, List<ProgrammeDraft> drafts) {
		List<Object[]> countries = new ArrayList<>();
		List<Object[]> standards = new ArrayList<>();
		List<Object[]> types = new ArrayList<>();
		List<Object[]> sectors = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			long id = ids.get(i);
			ProgrammeDraft draft = drafts.get(i);
			draft.countries().forEach(code -> countries.add(new Object[] { id, code }));
			draft.standards().forEach(code -> standards.add(new Object[] { id, code }));
			draft.activityTypes().stream().distinct().forEach(type -> types.add(new Object[] { id, type.name() }));
			draft.sectors().stream().distinct().forEach(code -> sectors.add(new Object[] { id, code }));
		}
		Map<String, List<Object[]>> rows = new LinkedHashMap<>();
		rows.put("programme_country (programme_id, country_code)", countries);
		rows.put("programme_standard (programme_id, standard_code)", standards);
		rows.put("programme_activity_type (programme_id, activity_type)", types);
		rows.put("programme_sector (programme_id, dac_code)", sectors);
		return rows;
	}

	/**
	 * Inserts rows as multi-row INSERT statements of up to {@link #ROWS_PER_STATEMENT} rows. A JDBC batch
	 * costs MySQL Connector/J one round trip per row unless the URL sets rewriteBatchedStatements, and
	 * with some 85,000 rows for a 10,000-programme import those round trips were most of its time.
	 */
	private void insertMany(String insertInto, String row, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
			String values = String.join(", ", Collections.nCopies(chunk.size(), row));
			template.update(insertInto + " VALUES " + values, chunk.stream().flatMap(Arrays::stream).toArray());
		}
	}

	/** @return false when the stored version is no longer {@code expectedVersion} */
	boolean update(long id, int expectedVersion, ProgrammeDraft draft, String user, Instant now) {
		int updated = jdbc.sql("""
				UPDATE programme SET title = ?, description = ?, scope = ?, beneficiary_institution = ?,
				  implementing_partner = ?, planned_start = ?, planned_end = ?, budget_amount = ?, budget_currency = ?,
				  funding_deadline_days = ?, review_notes = ?, updated_by = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(draft.title(), draft.description(), draft.scopeOrDefault().name(),
					blankToNull(draft.beneficiaryInstitution()), blankToNull(draft.implementingPartner()), draft.plannedStart(),
					draft.plannedEnd(), draft.budget().amount(), draft.budget().currency(), draft.fundingDeadlineDaysOrDefault(),
					blankToNull(draft.reviewNotes()), user, Timestamp.from(now), id, expectedVersion)
			.update();
		if (updated == 0) {
			return false;
		}
		for (String table : List.of("programme_country", "programme_standard", "programme_activity_type",
				"programme_sector")) {
			jdbc.sql("DELETE FROM " + table + " WHERE programme_id = ?").param(id).update();
		}
		insertThemes(List.of(id), List.of(draft));
		return true;
	}

	/**
	 * Moves a programme to {@code to} only if it is still in one of {@code from}: two requests that
	 * both read DRAFT cannot both submit it (the second waits for the first's row lock, then finds
	 * nothing to update).
	 *
	 * @return false when the programme was not in one of {@code from}
	 */
	boolean transitionStatus(long id, ProgrammeStatus to, java.util.Set<ProgrammeStatus> from, String user, Instant now) {
		List<Object> params = new ArrayList<>(List.of(to.name(), user, Timestamp.from(now), id));
		from.forEach(status -> params.add(status.name()));
		return jdbc.sql("UPDATE programme SET status = ?, updated_by = ?, updated_at = ?, version = version + 1"
				+ " WHERE id = ? AND status IN (" + String.join(", ", from.stream().map(s -> "?").toList()) + ")")
			.params(params)
			.update() == 1;
	}

	/** The funding period: its length in days, counted from opening for funding, and when it ends. */
	void fundingDeadline(long id, int days, Instant endsAt, String user, Instant now) {
		jdbc.sql("""
				UPDATE programme SET funding_deadline_days = ?, funding_deadline_at = ?,
				  updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?""")
			.params(days, Timestamp.from(endsAt), user, Timestamp.from(now), id)
			.update();
	}

	/** The budget, in the programme currency, revised down to what is funded. */
	void budget(long id, java.math.BigDecimal amount, String user, Instant now) {
		jdbc.sql("UPDATE programme SET budget_amount = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(amount, user, Timestamp.from(now), id)
			.update();
	}

	/** Committed funding in the programme currency, as the pledges module recorded it. */
	java.math.BigDecimal committed(long id) {
		return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM programme_funding_entry WHERE programme_id = ? AND stage = 'COMMITTED'")
			.param(id)
			.query(java.math.BigDecimal.class)
			.single();
	}

	/** Received funds in the programme currency. */
	java.math.BigDecimal received(long id) {
		return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM programme_funding_entry WHERE programme_id = ? AND stage = 'RECEIVED'")
			.param(id)
			.query(java.math.BigDecimal.class)
			.single();
	}

	Instant lastChange() {
		return jdbc.sql("""
				SELECT MAX(t) FROM (SELECT MAX(updated_at) AS t FROM programme
				  UNION ALL SELECT MAX(recorded_at) FROM programme_funding_entry) changes""")
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
	}

	ProgrammeCatalogue.Funding funding(long id) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(CASE WHEN stage = 'COMMITTED' THEN amount END), 0),
				COALESCE(SUM(CASE WHEN stage = 'RECEIVED' THEN amount END), 0), MAX(recorded_at)
				FROM programme_funding_entry WHERE programme_id = ?""")
			.param(id)
			.query((rs, n) -> new ProgrammeCatalogue.Funding(rs.getBigDecimal(1).setScale(2), rs.getBigDecimal(2).setScale(2),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
			.single();
	}

	Optional<ProgrammeView> find(long id) {
		return load(List.of(id)).stream().findFirst();
	}

	Page search(ProgrammeFilter filter, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (filter.office() != null) {
			where.append(" AND p.office_code = ?");
			params.add(filter.office().name());
		}
		if (filter.statuses() != null && !filter.statuses().isEmpty()) {
			where.append(" AND p.status IN (")
				.append(String.join(", ", filter.statuses().stream().map(s -> "?").toList()))
				.append(")");
			filter.statuses().forEach(status -> params.add(status.name()));
		}
		if (filter.country() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM programme_country c WHERE c.programme_id = p.id AND c.country_code = ?)");
			params.add(filter.country());
		}
		if (filter.standard() != null) {
			where.append(
					" AND EXISTS (SELECT 1 FROM programme_standard s WHERE s.programme_id = p.id AND s.standard_code = ?)");
			params.add(filter.standard());
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			String like = "%" + filter.text().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
			where.append(" AND (LOWER(p.title) LIKE ? OR LOWER(p.description) LIKE ?)");
			params.add(like);
			params.add(like);
		}
		if (filter.minGap() != null) {
			// amounts are kept to the cent, so "a gap at all" is a gap of at least 0.01
			where.append(" AND p.budget_amount - (SELECT COALESCE(SUM(f.amount), 0) FROM programme_funding_entry f"
					+ " WHERE f.programme_id = p.id AND f.stage = 'COMMITTED') >= ?");
			params.add(filter.minGap().max(new java.math.BigDecimal("0.01")));
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM programme p" + where).params(params).query(Long.class).single();
		List<Long> ids = jdbc.sql("SELECT p.id FROM programme p" + where + " ORDER BY p.id LIMIT ? OFFSET ?")
			.params(params)
			.param(size)
			.param((long) page * size)
			.query(Long.class)
			.list();
		return new Page(load(ids), total);
	}

	/** Loads many programmes at once, in chunks small enough for any database's IN list. */
	List<ProgrammeView> findAll(List<Long> ids) {
		List<ProgrammeView> found = new ArrayList<>(ids.size());
		for (int from = 0; from < ids.size(); from += 1000) {
			found.addAll(load(ids.subList(from, Math.min(ids.size(), from + 1000))));
		}
		return found;
	}

	/**
	 * The next {@code limit} programmes of the statuses (and office, unless null) with an id above
	 * {@code afterId}, by id: keyset paging, so that a reader of the whole portfolio holds one batch at a time.
	 */
	List<ProgrammeView> batchAfter(Office office, java.util.Set<ProgrammeStatus> statuses, long afterId, int limit) {
		List<Object> params = new ArrayList<>(List.of(afterId));
		statuses.forEach(status -> params.add(status.name()));
		String sql = "SELECT id FROM programme WHERE id > ? AND status IN ("
				+ String.join(", ", statuses.stream().map(s -> "?").toList()) + ")";
		if (office != null) {
			sql += " AND office_code = ?";
			params.add(office.name());
		}
		return load(jdbc.sql(sql + " ORDER BY id LIMIT ?").params(params).param(limit).query(Long.class).list());
	}

	/** Those of the ids whose programmes exist. */
	List<Long> existing(List<Long> ids) {
		List<Long> found = new ArrayList<>(ids.size());
		for (int from = 0; from < ids.size(); from += 1000) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
			found.addAll(jdbc.sql("SELECT id FROM programme WHERE id IN ("
					+ String.join(", ", chunk.stream().map(String::valueOf).toList()) + ")").query(Long.class).list());
		}
		return found;
	}

	/** Ids of the programmes changed at or after {@code since} (all of them when null). */
	List<Long> changedSince(java.time.Instant since) {
		return since == null ? jdbc.sql("SELECT id FROM programme ORDER BY id").query(Long.class).list()
				: jdbc.sql("SELECT id FROM programme WHERE updated_at >= ? ORDER BY id")
					.param(Timestamp.from(since))
					.query(Long.class)
					.list();
	}

	private List<ProgrammeView> load(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String in = "(" + String.join(", ", ids.stream().map(String::valueOf).toList()) + ")";
		Map<Long, List<String>> countries = children("SELECT programme_id, country_code FROM programme_country WHERE programme_id IN " + in + " ORDER BY country_code");
		Map<Long, List<String>> standards = children("SELECT programme_id, standard_code FROM programme_standard WHERE programme_id IN " + in + " ORDER BY standard_code");
		Map<Long, List<String>> types = children("SELECT programme_id, activity_type FROM programme_activity_type WHERE programme_id IN " + in + " ORDER BY activity_type");
		Map<Long, List<String>> sectors = children("SELECT programme_id, dac_code FROM programme_sector WHERE programme_id IN " + in + " ORDER BY dac_code");
		Map<Long, ProgrammeView> byId = new LinkedHashMap<>();
		jdbc.sql("SELECT " + COLUMNS + " FROM programme WHERE id IN " + in)
			.query((rs, row) -> map(rs, countries, standards, types, sectors))
			.list()
			.forEach(view -> byId.put(view.id(), view));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	private Map<Long, List<String>> children(String sql) {
		Map<Long, List<String>> children = new HashMap<>();
		jdbc.sql(sql).query(rs -> {
			children.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
		});
		return children;
	}

	private static ProgrammeView map(ResultSet rs, Map<Long, List<String>> countries, Map<Long, List<String>> standards,
			Map<Long, List<String>> types, Map<Long, List<String>> sectors) throws SQLException {
		long id = rs.getLong("id");
		return new ProgrammeView(id, Office.valueOf(rs.getString("office_code")), rs.getString("title"),
				rs.getString("description"), Scope.valueOf(rs.getString("scope")), countries.getOrDefault(id, List.of()),
				standards.getOrDefault(id, List.of()),
				types.getOrDefault(id, List.of()).stream().map(ActivityType::valueOf).toList(),
				sectors.getOrDefault(id, List.of()), rs.getString("beneficiary_institution"),
				rs.getString("implementing_partner"), rs.getObject("planned_start", java.time.LocalDate.class),
				rs.getObject("planned_end", java.time.LocalDate.class),
				new Money(rs.getBigDecimal("budget_amount"), rs.getString("budget_currency").trim()),
				rs.getInt("funding_deadline_days"),
				rs.getTimestamp("funding_deadline_at") == null ? null : rs.getTimestamp("funding_deadline_at").toInstant(),
				ProgrammeStatus.valueOf(rs.getString("status")),
				rs.getString("review_notes"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

	void insertChange(long programmeId, int version, String kind, String user, Instant at, Map<String, Object> changes,
			String note) {
		jdbc.sql("""
				INSERT INTO programme_change (programme_id, version, kind, changed_by, changed_at, changes, note)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(programmeId, version, kind, user, Timestamp.from(at), write(changes), note)
			.update();
	}

	void insertChanges(Collection<Long> programmeIds, String kind, String user, Instant at,
			Function<Long, Map<String, Object>> changes) {
		insertMany("INSERT INTO programme_change (programme_id, version, kind, changed_by, changed_at, changes, note)",
				"(?, 0, ?, ?, ?, ?, NULL)", programmeIds.stream()
					.map(id -> new Object[] { id, kind, user, Timestamp.from(at), write(changes.apply(id)) })
					.toList());
	}

	List<ProgrammeChange> history(long programmeId) {
		return jdbc.sql("""
				SELECT version, kind, changed_by, changed_at, changes, note FROM programme_change
				WHERE programme_id = ? ORDER BY id""")
			.param(programmeId)
			.query((rs, row) -> new ProgrammeChange(rs.getInt("version"), rs.getString("kind"), rs.getString("changed_by"),
					rs.getTimestamp("changed_at").toInstant(), read(rs.getString("changes")), rs.getString("note")))
			.list();
	}

	private String write(Map<String, Object> changes) {
		try {
			return json.writeValueAsString(changes);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private Map<String, Object> read(String changes) {
		try {
			return json.readValue(changes, new TypeReference<LinkedHashMap<String, Object>>() {
			});
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
