package org.coopflow.activities;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coopflow.programmes.ActivityType;
import org.coopflow.reference.Office;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ActivityRepository {

	/** The implementation row of a programme: its stage, and the unspent-funds decision at the end. */
	public record Implementation(long programmeId, Office office, ImplementationStage stage, Instant startedAt,
			Instant closedAt, BigDecimal unspentAmount, UnspentFundsChoice unspentChoice, String unspentReason,
			String unspentDecidedBy, Instant unspentDecidedAt) {
	}

	private static final String ACTIVITY_COLUMNS = """
			a.id, a.programme_id, i.office_code, a.type, a.title, a.description, a.country, a.planned_start, a.planned_end,
			a.actual_start, a.actual_end, a.budget_line, a.planned_cost, a.status, a.cancel_reason, a.created_by,
			a.created_at, a.updated_by, a.updated_at, a.version""";

	private final JdbcClient jdbc;

	ActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- implementation ------------------------------------------------------------------------------

	/** Creates the programme's implementation row in PLANNING unless it exists; true when created. */
	boolean createImplementation(long programmeId, Office office, Instant now) {
		return jdbc.sql("""
				INSERT INTO implementation (programme_id, office_code, stage, created_at)
				SELECT ?, ?, 'PLANNING', ? FROM programme WHERE id = ?
				AND NOT EXISTS (SELECT 1 FROM implementation WHERE programme_id = ?)""")
			.params(programmeId, office.name(), Timestamp.from(now), programmeId, programmeId)
			.update() == 1;
	}

	Optional<Implementation> implementation(long programmeId) {
		return jdbc.sql("SELECT * FROM implementation WHERE programme_id = ?")
			.param(programmeId)
			.query(ActivityRepository::implementation)
			.optional();
	}

	/** Reads and locks the implementation row, so that spending on the programme is checked one at a time. */
	Optional<Implementation> lockImplementation(long programmeId) {
		return jdbc.sql("SELECT * FROM implementation WHERE programme_id = ? FOR UPDATE")
			.param(programmeId)
			.query(ActivityRepository::implementation)
			.optional();
	}

	boolean moveImplementation(long programmeId, ImplementationStage from, ImplementationStage to, Instant now) {
		String column = to == ImplementationStage.CLOSED ? "closed_at" : "started_at";
		return jdbc.sql("UPDATE implementation SET stage = ?, " + column + " = ? WHERE programme_id = ? AND stage = ?")
			.params(to.name(), Timestamp.from(now), programmeId, from.name())
			.update() == 1;
	}

	boolean recordUnspentChoice(long programmeId, BigDecimal amount, UnspentFundsChoice choice, String reason,
			String by, Instant now) {
		return jdbc.sql("""
				UPDATE implementation SET unspent_amount = ?, unspent_choice = ?, unspent_reason = ?,
				unspent_decided_by = ?, unspent_decided_at = ? WHERE programme_id = ? AND stage <> 'CLOSED'""")
			.params(amount, choice.name(), reason, by, Timestamp.from(now), programmeId)
			.update() == 1;
	}

	private static Implementation implementation(ResultSet rs, int row) throws SQLException {
		String choice = rs.getString("unspent_choice");
		return new Implementation(rs.getLong("programme_id"), Office.valueOf(rs.getString("office_code")),
				ImplementationStage.valueOf(rs.getString("stage")), instant(rs, "started_at"), instant(rs, "closed_at"),
				rs.getBigDecimal("unspent_amount"), choice == null ? null : UnspentFundsChoice.valueOf(choice),
				rs.getString("unspent_reason"), rs.getString("unspent_decided_by"), instant(rs, "unspent_decided_at"));
	}

	/** One implementation as the list of implementations shows it. */
	record Summary(long programmeId, String title, Office office, ImplementationStage stage, String currency,
			long activities, BigDecimal spent) {
	}

	/** The newest implementations, of one office or both; {@code limit} rows at most. */
	List<Summary> summaries(Office office, int limit) {
		return jdbc.sql("""
				SELECT i.programme_id, p.title, i.office_code, i.stage, p.budget_currency,
				(SELECT COUNT(*) FROM activity a WHERE a.programme_id = i.programme_id),
				(SELECT COALESCE(SUM(e.amount), 0) FROM activity_expenditure e WHERE e.programme_id = i.programme_id)
				FROM implementation i JOIN programme p ON p.id = i.programme_id
				WHERE i.office_code IN (:offices) ORDER BY i.programme_id DESC""")
			.param("offices", office == null ? java.util.Arrays.stream(Office.values()).map(Enum::name).toList()
					: List.of(office.name()))
			.query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), Office.valueOf(rs.getString(3)),
					ImplementationStage.valueOf(rs.getString(4)), rs.getString(5), rs.getLong(6),
					rs.getBigDecimal(7).setScale(2)))
			.stream()
			.limit(limit)
			.toList();
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

	List<ActivityView> ofProgrammes(Collection<Long> programmeIds) {
		if (programmeIds.isEmpty()) {
			return List.of();
		}
		List<Object> ids = new ArrayList<>(programmeIds);
		return load("a.programme_id IN (" + String.join(", ", ids.stream().map(x -> "?").toList()) + ")", ids);
	}

	private List<ActivityView> load(String where, List<Object> params) {
		record Row(long id, long programmeId, Office office, ActivityType type, String title, String description,
				String country, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
				String budgetLine, BigDecimal plannedCost, ActivityStatus status, String cancelReason, String createdBy,
				Instant createdAt, String updatedBy, Instant updatedAt, int version) {
		}
		List<Row> rows = jdbc.sql("SELECT " + ACTIVITY_COLUMNS + " FROM activity a JOIN implementation i ON i.programme_id = a.programme_id WHERE "
				+ where + " ORDER BY a.planned_start, a.id")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), Office.valueOf(rs.getString(3)),
					ActivityType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
					date(rs, 8), date(rs, 9), date(rs, 10), date(rs, 11), rs.getString(12), rs.getBigDecimal(13),
					ActivityStatus.valueOf(rs.getString(14)), rs.getString(15), rs.getString(16),
					rs.getTimestamp(17).toInstant(), rs.getString(18), rs.getTimestamp(19).toInstant(), rs.getInt(20)))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		String in = String.join(", ", ids.stream().map(x -> "?").toList());
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
					.add(new ActivityView.Milestone(rs.getLong(2), rs.getInt(3), rs.getString(4), date(rs, 5),
							instant(rs, "completed_at"), rs.getString(7), rs.getString(8)));
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
		Map<Long, String> currencies = currencies(rows.stream().map(Row::programmeId).distinct().toList());
		List<ActivityView> views = new ArrayList<>();
		for (Row r : rows) {
			views.add(new ActivityView(r.id(), r.programmeId(), r.office(), r.type(), r.title(), r.description(),
					r.country(), standards.getOrDefault(r.id(), List.of()), r.plannedStart(), r.plannedEnd(),
					r.actualStart(), r.actualEnd(), r.budgetLine(), r.plannedCost(), currencies.get(r.programmeId()),
					r.status(), r.cancelReason(), milestones.getOrDefault(r.id(), List.of()),
					documents.getOrDefault(r.id(), List.of()),
					spent.getOrDefault(r.id(), BigDecimal.ZERO).setScale(2), r.createdBy(), r.createdAt(), r.updatedBy(),
					r.updatedAt(), r.version()));
		}
		return views;
	}

	/** The budget currency of each programme: expenditures and planned costs are in it. */
	private Map<Long, String> currencies(List<Long> programmeIds) {
		Map<Long, String> currencies = new LinkedHashMap<>();
		jdbc.sql("SELECT id, budget_currency FROM programme WHERE id IN ("
				+ String.join(", ", programmeIds.stream().map(x -> "?").toList()) + ")")
			.params(new ArrayList<Object>(programmeIds))
			.query(rs -> {
				currencies.put(rs.getLong(1), rs.getString(2));
			});
		return currencies;
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

	// --- expenditures -----------------------------------------------------------------------------------

	BigDecimal spentOnProgramme(long programmeId) {
		return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM activity_expenditure WHERE programme_id = ?")
			.param(programmeId)
			.query(BigDecimal.class)
			.single()
			.setScale(2);
	}

	long insertExpenditure(long activityId, long programmeId, ExpenditureRequest request, BigDecimal receivedBefore,
			String idempotencyKey, String user, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO activity_expenditure (activity_id, programme_id, amount, spent_on, description, received_before,
				override_reason, idempotency_key, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(activityId, programmeId, request.amount(), Date.valueOf(request.spentOn()), request.description(),
					receivedBefore, blankToNull(request.overrideReason()), idempotencyKey, user, Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<ExpenditureView> findExpenditureByKey(String user, String idempotencyKey) {
		return expenditures("e.recorded_by = ? AND e.idempotency_key = ?", List.of(user, idempotencyKey)).stream().findFirst();
	}

	Optional<ExpenditureView> findExpenditure(long id) {
		return expenditures("e.id = ?", List.of(id)).stream().findFirst();
	}

	List<ExpenditureView> expendituresOf(long activityId) {
		return expenditures("e.activity_id = ?", List.of(activityId));
	}

	List<ExpenditureView> expendituresOfProgramme(long programmeId) {
		return expenditures("e.programme_id = ?", List.of(programmeId));
	}

	private List<ExpenditureView> expenditures(String where, List<Object> params) {
		return jdbc.sql("""
				SELECT e.id, e.activity_id, e.programme_id, e.amount, p.budget_currency, e.spent_on, e.description,
				e.received_before, e.override_reason, e.recorded_by, e.recorded_at
				FROM activity_expenditure e JOIN programme p ON p.id = e.programme_id WHERE """ + " " + where
				+ " ORDER BY e.spent_on, e.id")
			.params(params)
			.query((rs, n) -> new ExpenditureView(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					rs.getBigDecimal(4).setScale(2), rs.getString(5), date(rs, 6), rs.getString(7),
					rs.getBigDecimal(8).setScale(2), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant()))
			.list();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static LocalDate date(ResultSet rs, int column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
