package org.coopflow.activities;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The questionnaires a SURVEY_SUPPORT activity sent to Member States, one per Member State and standard,
 * with the reply and the reminders. Writers hold the activity's lock ({@link ActivityRepository#lock}).
 */
@Repository
class SurveyRepository {

	private final JdbcClient jdbc;

	SurveyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<SurveyView.Request> requests(long activityId) {
		return jdbc.sql("""
				SELECT member_state, standard_code, asked_on, recorded_by, replied_on, reply_summary, reply_recorded_by,
				reminders, last_reminded_at, contact_email FROM survey_request WHERE activity_id = ?
				ORDER BY standard_code, member_state""")
			.param(activityId)
			.query((rs, n) -> {
				java.time.LocalDate repliedOn = Rows.date(rs, 5);
				return new SurveyView.Request(rs.getString(1).trim(), rs.getString(2), Rows.date(rs, 3),
						rs.getString(4), repliedOn == null ? SurveyView.Status.OUTSTANDING : SurveyView.Status.REPLIED,
						repliedOn, rs.getString(6), rs.getString(7), rs.getInt(8),
						Rows.instant(rs, "last_reminded_at"), rs.getString(10));
			})
			.list();
	}

	/**
	 * Records that a Member State was asked; false when it already was (the first date stays, and a contact
	 * address sent again replaces the one recorded: focal points change).
	 */
	boolean add(long activityId, SurveyRequest request, String by) {
		boolean added = jdbc.sql("""
				INSERT INTO survey_request (activity_id, member_state, standard_code, asked_on, recorded_by, reminders,
				contact_email)
				SELECT ?, ?, ?, ?, ?, 0, ? FROM activity WHERE id = ? AND NOT EXISTS (SELECT 1 FROM survey_request
				WHERE activity_id = ? AND member_state = ? AND standard_code = ?)""")
			.params(activityId, request.memberState(), request.standard(), Date.valueOf(request.askedOn()), by,
					request.contactEmail(), activityId, activityId, request.memberState(), request.standard())
			.update() == 1;
		if (!added && request.contactEmail() != null) {
			jdbc.sql("""
					UPDATE survey_request SET contact_email = ?
					WHERE activity_id = ? AND member_state = ? AND standard_code = ?""")
				.params(request.contactEmail(), activityId, request.memberState(), request.standard())
				.update();
		}
		return added;
	}

	boolean recordReply(long activityId, String memberState, String standard, SurveyReply reply, String summary,
			String by) {
		return jdbc.sql("""
				UPDATE survey_request SET replied_on = ?, reply_summary = ?, reply_recorded_by = ?
				WHERE activity_id = ? AND member_state = ? AND standard_code = ?""")
			.params(Date.valueOf(reply.repliedOn()), summary, by, activityId, memberState, standard)
			.update() == 1;
	}

	/** Counts a reminder on every request without a reply; the Member States reminded, each once. */
	List<String> remindNonRespondents(long activityId, Instant now) {
		List<String> memberStates = jdbc.sql("""
				SELECT DISTINCT member_state FROM survey_request WHERE activity_id = ? AND replied_on IS NULL
				ORDER BY member_state""")
			.param(activityId)
			.query(String.class)
			.list()
			.stream()
			.map(String::trim)
			.toList();
		jdbc.sql("""
				UPDATE survey_request SET reminders = reminders + 1, last_reminded_at = ?
				WHERE activity_id = ? AND replied_on IS NULL""")
			.params(Timestamp.from(now), activityId)
			.update();
		return memberStates;
	}

}
