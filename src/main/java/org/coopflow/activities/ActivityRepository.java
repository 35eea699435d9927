package org.coopflow.activities;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coopflow.programmes.ActivityType;
import org.coopflow.reference.Office;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Activities with their standards, milestones and documents. An activity's office and currency are its
 * implementation's, read with it.
 */
@Repository
class ActivityRepository {

	private static final String ACTIVITY_COLUMNS = """
			a.id, a.programme_id, i.office_code, i.currency, a.type, a.title, a.description, a.country, a.planned_start, a.planned_end,
			a.actual_start, a.actual_end, a.budget_line, a.planned_cost, a.status, a.cancel_reason, a.created_by,
			a.created_at, a.updated_by, a.updated_at, a.version""";

	private final JdbcClient jdbc;

	ActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- activities ----------------------------------------------------------------------------------

	long insert(long programmeId, ActivityDraft draft, String user, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO activity (programme_id, type, title, description, country, planned_start, planned_end,
				budget_line, planned_cost, status, created_by, created_at, updated_by, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?, ?, 1)""")
			.params(programmeId, draft.type().name(), draft.title(), draft.description(), draft.country(),
					Date.valueOf(draft.plannedStart()), Date.valueOf(draft.plannedEnd()), draft.budgetLine(),
					draft.plannedCost(), user, Timestamp.from(now), user, Timestamp.from(now))
			.update(key, "id");
		long id = key.getKey().longValue();
		replaceDetails(id, draft);
		return id;
	}

	boolean update(long id, int expectedVersion, ActivityDraft draft, String user, Instant now) {
		int updated = jdbc.sql("""
				UPDATE activity SET type = ?, title = ?, description = ?, country = ?, planned_start = ?, planned_end = ?,
				budget_line = ?, planned_cost = ?, updated_by = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(draft.type().name(), draft.title(), draft.description(), draft.country(),
					Date.valueOf(draft.plannedStart()), Date.valueOf(draft.plannedEnd()), draft.budgetLine(),
					draft.plannedCost(), user, Timestamp.from(now), id, expectedVersion)
			.update();
		if (updated == 1) {
			jdbc.sql("DELETE FROM activity_standard WHERE activity_id = ?").param(id).update();
			jdbc.sql("DELETE FROM activity_milestone WHERE activity_id = ?").param(id).update();
			replaceDetails(id, draft);
		}
		return updated == 1;
	}

	private void replaceDetails(long id, ActivityDraft draft) {
		for (String standard : draft.standards()) {
			jdbc.sql("INSERT INTO activity_standard (activity_id, standard_code) VALUES (?, ?)").params(id, standard).update();
		}
		int seq = 1;
		for (MilestoneDraft milestone : draft.milestones()) {
			jdbc.sql("INSERT INTO activity_milestone (activity_id, seq, title, due_date) VALUES (?, ?, ?, ?)")
				.params(id, seq++, milestone.title(), Date.valueOf(milestone.due()))
				.update();
		}
	}

	/** Moves the activity from one of {@code from} to {@code to}; false when it was not in one of them. */
	boolean transition(long id, Collection<ActivityStatus> from, ActivityStatus to, String reason, String user,
			Instant now) {
		List<String> names = from.stream().map(Enum::name).toList();
		return jdbc.sql("UPDATE activity SET status = :to, cancel_reason = COALESCE(:reason, cancel_reason), "
				+ "updated_by = :user, updated_at = :now, version = version + 1 WHERE id = :id AND status IN (:from)")
			.param("to", to.name())
			.param("reason", reason)
			.param("user", user)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("from", names)
			.update() == 1;
	}

	void recordActualDates(long id, LocalDate start, LocalDate end) {
		jdbc.sql("UPDATE activity SET actual_start = COALESCE(?, actual_start), actual_end = COALESCE(?, actual_end) WHERE id = ?")
			.params(start == null ? null : Date.valueOf(start), end == null ? null : Date.valueOf(end), id)
			.update();
	}

	Optional<ActivityView> find(long id) {
		return load("a.id = ?", List.of(id)).stream().findFirst();
	}

	List<ActivityView> ofProgramme(long programmeId) {
		return load("a.programme_id = ?", List.of(programmeId));
	}

	private List<ActivityView> load(String where, List<Object> params) {
		record Row(long id, long programmeId, Office office, String currency, ActivityType type, String title,
				String description, String country, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
				LocalDate actualEnd, String budgetLine, BigDecimal plannedCost, ActivityStatus status, String cancelReason,
				String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, int version) {
		}
		List<Row> rows = jdbc.sql("SELECT " + ACTIVITY_COLUMNS
				+ " FROM activity a JOIN implementation i ON i.programme_id = a.programme_id WHERE " + where
				+ " ORDER BY a.planned_start, a.id")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), Office.valueOf(rs.getString(3)), rs.getString(4),
					ActivityType.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
					Rows.date(rs, 9), Rows.date(rs, 10), Rows.date(rs, 11), Rows.date(rs, 12), rs.getString(13),
					rs.getBigDecimal(14), ActivityStatus.valueOf(rs.getString(15)), rs.getString(16), rs.getString(17),
					rs.getTimestamp(18).toInstant(), rs.getString(19), rs.getTimestamp(20).toInstant(), rs.getInt(21)))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		String in = Rows.placeholders(ids);
		List<Object> idParams = new ArrayList<>(ids);
		Map<Long, List<String>> standards = new HashMap<>();
		jdbc.sql("SELECT activity_id, standard_code FROM activity_standard WHERE activity_id IN (" + in + ") ORDER BY standard_code")
			.params(idParams)
			.query(rs -> {
				standards.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
			});
		Map<Long, List<ActivityView.Milestone>> milestones = new HashMap<>();
		jdbc.sql("SELECT activity_id, id, seq, title, due_date, completed_at, completed_by, note FROM activity_milestone "
				+ "WHERE activity_id IN (" + in + ") ORDER BY seq")
			.params(idParams)
			.query(rs -> {
				milestones.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new ActivityView.Milestone(rs.getLong(2), rs.getInt(3), rs.getString(4), Rows.date(rs, 5),
							Rows.instant(rs, "completed_at"), rs.getString(7), rs.getString(8)));
			});
		Map<Long, List<ActivityView.Document>> documents = new HashMap<>();
		jdbc.sql("SELECT activity_id, id, title, language, link, added_by, added_at FROM activity_document "
				+ "WHERE activity_id IN (" + in + ") ORDER BY id")
			.params(idParams)
			.query(rs -> {
				documents.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new ActivityView.Document(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
							rs.getString(6), rs.getTimestamp(7).toInstant()));
			});
		Map<Long, BigDecimal> spent = new HashMap<>();
		jdbc.sql("SELECT activity_id, SUM(amount) FROM activity_expenditure WHERE activity_id IN (" + in + ") GROUP BY activity_id")
			.params(idParams)
			.query(rs -> {
				spent.put(rs.getLong(1), rs.getBigDecimal(2));
			});
		List<ActivityView> views = new ArrayList<>();
		for (Row r : rows) {
			views.add(new ActivityView(r.id(), r.programmeId(), r.office(), r.type(), r.title(), r.description(),
					r.country(), standards.getOrDefault(r.id(), List.of()), r.plannedStart(), r.plannedEnd(),
					r.actualStart(), r.actualEnd(), r.budgetLine(), r.plannedCost(), r.currency(), r.status(),
					r.cancelReason(), milestones.getOrDefault(r.id(), List.of()), documents.getOrDefault(r.id(), List.of()),
					spent.getOrDefault(r.id(), BigDecimal.ZERO).setScale(2), r.createdBy(), r.createdAt(), r.updatedBy(),
					r.updatedAt(), r.version()));
		}
		return views;
	}

	/**
	 * Locks the activity row; false when there is none. Changes to one activity, and its cancellation (an
	 * update of the same row), so happen one after the other.
	 */
	boolean lock(long id) {
		return jdbc.sql("SELECT id FROM activity WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional().isPresent();
	}

	// --- milestones and documents ------------------------------------------------------------------------

	/** Marks a milestone completed once; false when it already was (a retried completion). */
	boolean completeMilestone(long milestoneId, String note, String user, Instant now) {
		return jdbc.sql("UPDATE activity_milestone SET completed_at = ?, completed_by = ?, note = ? WHERE id = ? AND completed_at IS NULL")
			.params(Timestamp.from(now), user, note, milestoneId)
			.update() == 1;
	}

	Optional<Long> activityOfMilestone(long milestoneId) {
		return jdbc.sql("SELECT activity_id FROM activity_milestone WHERE id = ?").param(milestoneId).query(Long.class).optional();
	}

	long addDocument(long activityId, DocumentRequest document, String user, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO activity_document (activity_id, title, language, link, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(activityId, document.title(), document.language(), document.link(), user, Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	Instant lastChange() {
		return jdbc.sql("""
				SELECT MAX(t) FROM (SELECT MAX(recorded_at) AS t FROM activity_expenditure
				  UNION ALL SELECT MAX(added_at) FROM activity_document
				  UNION ALL SELECT MAX(started_at) FROM implementation
				  UNION ALL SELECT MAX(closed_at) FROM implementation) changes""")
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
	}

	List<ProgrammeDocument> documentsOf(List<Long> programmeIds) {
		if (programmeIds.isEmpty()) {
			return List.of();
		}
		if (programmeIds.size() > 1000) {
			throw new IllegalArgumentException("at most 1,000 programmes at once");
		}
		return jdbc.sql("SELECT a.programme_id, d.activity_id, d.title, d.language, d.link, d.added_at FROM activity_document d "
				+ "JOIN activity a ON a.id = d.activity_id WHERE a.programme_id IN (:ids) ORDER BY a.programme_id, d.id")
			.param("ids", programmeIds)
			.query((rs, n) -> new ProgrammeDocument(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

}
