package org.coopflow.activities;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The reports of implementations. A report is tied to the Tasklist task that currently works on it
 * ({@code task_id}): the "Submit" task while DUE, the "Review" task while SUBMITTED; a task's listener
 * finds its report by its own id.
 */
@Repository
class ReportRepository {

	/** What happened to a report once, stamped with when: the officers reminded, the coordinator told, the donors sent it. */
	enum Stamp {

		REMINDED("reminded_at"), ESCALATED("escalated_at"), SENT_TO_DONORS("sent_to_donors_at");

		private final String column;

		Stamp(String column) {
			this.column = column;
		}

	}

	private final JdbcClient jdbc;

	ReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long programmeId, ReportKind kind, LocalDate from, LocalDate to, Instant dueAt, String taskId) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO implementation_report (programme_id, kind, period_from, period_to, status, due_at, task_id)
				VALUES (?, ?, ?, ?, 'DUE', ?, ?)""")
			.params(programmeId, kind.name(), Date.valueOf(from), Date.valueOf(to), Timestamp.from(dueAt), taskId)
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** A report returned for revision, not yet picked up by a new "Submit" task. */
	Optional<ReportView> returned(long programmeId, ReportKind kind) {
		return first("programme_id = ? AND kind = ? AND status = 'RETURNED' AND task_id IS NULL", programmeId, kind.name());
	}

	/** A submitted report no review task has picked up yet. */
	Optional<ReportView> awaitingReview(long programmeId, ReportKind kind) {
		return first("programme_id = ? AND kind = ? AND status = 'SUBMITTED' AND task_id IS NULL", programmeId,
				kind.name());
	}

	Optional<ReportView> ofTask(String taskId) {
		return first("task_id = ?", taskId);
	}

	Optional<ReportView> find(long id) {
		return first("id = ?", id);
	}

	/**
	 * The oldest DUE report of the kind not yet reminded (or escalated): the report whose "Submit" task's timer
	 * fired. Each task's timers run in the order the tasks were opened, so with two periods' reports open the
	 * first reminder is the older report's and the next the newer's.
	 */
	Optional<ReportView> dueNotYet(long programmeId, ReportKind kind, Stamp notYet) {
		return first("programme_id = ? AND kind = ? AND status = 'DUE' AND " + notYet.column + " IS NULL", programmeId,
				kind.name());
	}

	/** The last report of the kind, whatever its state: the next period starts the day after it. */
	Optional<ReportView> latest(long programmeId, ReportKind kind) {
		return jdbc.sql("SELECT * FROM implementation_report WHERE programme_id = ? AND kind = ? ORDER BY period_to DESC, id DESC")
			.params(programmeId, kind.name())
			.query(ReportRepository::report)
			.list()
			.stream()
			.findFirst();
	}

	List<ReportView> ofProgramme(long programmeId) {
		return jdbc.sql("SELECT * FROM implementation_report WHERE programme_id = ? ORDER BY period_from, id")
			.param(programmeId)
			.query(ReportRepository::report)
			.list();
	}

	/** Reports still DUE after their due date, of every programme, oldest first. */
	List<ReportView> overdue(Instant now) {
		return jdbc.sql("SELECT * FROM implementation_report WHERE status = 'DUE' AND due_at < ? ORDER BY due_at, id")
			.param(Timestamp.from(now))
			.query(ReportRepository::report)
			.list();
	}

	/** A returned report is due again: its revision has a deadline, reminders and escalation of its own. */
	void reopen(long id, String taskId, Instant dueAt) {
		jdbc.sql("""
				UPDATE implementation_report SET status = 'DUE', task_id = ?, due_at = ?, reminded_at = NULL,
				escalated_at = NULL WHERE id = ?""")
			.params(taskId, Timestamp.from(dueAt), id)
			.update();
	}

	/** Progress reports still open when the programme closes; the final report took their place. */
	int supersedeOpenProgressReports(long programmeId) {
		return jdbc.sql("""
				UPDATE implementation_report SET status = 'SUPERSEDED', task_id = NULL
				WHERE programme_id = ? AND kind = 'PROGRESS' AND status IN ('DUE', 'SUBMITTED', 'RETURNED')""")
			.param(programmeId)
			.update();
	}

	void pickUp(long id, ReportStatus status, String taskId) {
		jdbc.sql("UPDATE implementation_report SET status = ?, task_id = ? WHERE id = ?")
			.params(status.name(), taskId, id)
			.update();
	}

	void submit(long id, String summary, BigDecimal spent, String by, Instant now) {
		jdbc.sql("""
				UPDATE implementation_report SET status = 'SUBMITTED', task_id = NULL, summary = ?, spent = ?,
				submitted_by = ?, submitted_at = ? WHERE id = ?""")
			.params(summary, spent, by, Timestamp.from(now), id)
			.update();
	}

	void review(long id, boolean accepted, String comment, String by, Instant now) {
		jdbc.sql("""
				UPDATE implementation_report SET status = ?, task_id = NULL, review_comment = ?, reviewed_by = ?,
				reviewed_at = ? WHERE id = ?""")
			.params(accepted ? "ACCEPTED" : "RETURNED", comment, by, Timestamp.from(now), id)
			.update();
	}

	void stamp(long id, Stamp stamp, Instant now) {
		jdbc.sql("UPDATE implementation_report SET " + stamp.column + " = ? WHERE id = ?").params(Timestamp.from(now), id).update();
	}

	private Optional<ReportView> first(String where, Object... params) {
		return jdbc.sql("SELECT * FROM implementation_report WHERE " + where + " ORDER BY id")
			.params(List.of(params))
			.query(ReportRepository::report)
			.list()
			.stream()
			.findFirst();
	}

	private static ReportView report(ResultSet rs, int row) throws SQLException {
		return new ReportView(rs.getLong("id"), rs.getLong("programme_id"), ReportKind.valueOf(rs.getString("kind")),
				rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
				ReportStatus.valueOf(rs.getString("status")), rs.getString("summary"),
				rs.getBigDecimal("spent") == null ? null : rs.getBigDecimal("spent").setScale(2),
				rs.getTimestamp("due_at").toInstant(), rs.getString("submitted_by"), Rows.instant(rs, "submitted_at"),
				rs.getString("reviewed_by"), Rows.instant(rs, "reviewed_at"), rs.getString("review_comment"),
				Rows.instant(rs, "reminded_at"), Rows.instant(rs, "escalated_at"), Rows.instant(rs, "sent_to_donors_at"));
	}

}
