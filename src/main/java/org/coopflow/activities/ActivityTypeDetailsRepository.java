package org.coopflow.activities;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of the type-specific steps. Writers lock the activity row first ({@link #lockActivity}),
 * so that an update-or-insert never races another, and a cancellation (an update of the same row)
 * waits for them or they for it.
 */
@Repository
class ActivityTypeDetailsRepository {

	private final JdbcClient jdbc;

	ActivityTypeDetailsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean lockActivity(long activityId) {
		return jdbc.sql("SELECT id FROM activity WHERE id = ? FOR UPDATE").param(activityId).query(Long.class).optional()
			.isPresent();
	}

	// --- the Compendium edition ---------------------------------------------------------------------------

	Optional<EditionView> edition(long activityId) {
		return jdbc.sql("""
				SELECT activity_id, language, member_state, title, published_on, link, recorded_by, recorded_at
				FROM compendium_edition WHERE activity_id = ?""")
			.param(activityId)
			.query((rs, n) -> new EditionView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					ActivityRepository.date(rs, 5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.optional();
	}

	void saveEdition(long activityId, EditionRequest edition, String by, Instant now) {
		Date published = edition.publishedOn() == null ? null : Date.valueOf(edition.publishedOn());
		int updated = jdbc.sql("""
				UPDATE compendium_edition SET language = ?, member_state = ?, title = ?, published_on = ?, link = ?,
				recorded_by = ?, recorded_at = ? WHERE activity_id = ?""")
			.params(edition.language(), edition.memberState(), edition.title(), published, edition.link(), by,
					Timestamp.from(now), activityId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO compendium_edition (activity_id, language, member_state, title, published_on, link,
					recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(activityId, edition.language(), edition.memberState(), edition.title(), published,
						edition.link(), by, Timestamp.from(now))
				.update();
		}
	}

	// --- questionnaires -----------------------------------------------------------------------------------

	List<SurveyView.Request> surveyRequests(long activityId) {
		return jdbc.sql("""
				SELECT member_state, standard_code, asked_on, recorded_by, replied_on, reply_summary, reply_recorded_by,
				reminders, last_reminded_at, contact_email FROM survey_request WHERE activity_id = ?
				ORDER BY standard_code, member_state""")
			.param(activityId)
			.query((rs, n) -> {
				java.time.LocalDate repliedOn = ActivityRepository.date(rs, 5);
				return new SurveyView.Request(rs.getString(1).trim(), rs.getString(2), ActivityRepository.date(rs, 3),
						rs.getString(4), repliedOn == null ? SurveyView.Status.OUTSTANDING : SurveyView.Status.REPLIED,
						repliedOn, rs.getString(6), rs.getString(7), rs.getInt(8),
						ActivityRepository.instant(rs, "last_reminded_at"), rs.getString(10));
			})
			.list();
	}

	/**
	 * Records that a Member State was asked; false when it already was (the first date stays, and a contact
	 * address sent again replaces the one recorded: focal points change).
	 */
	boolean addSurveyRequest(long activityId, SurveyRequest request, String by) {
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

	// --- expert meetings ----------------------------------------------------------------------------------

	List<MeetingView.Participant> participants(long activityId) {
		return jdbc.sql("""
				SELECT id, name, country, affiliation, personal_capacity, added_by, added_at FROM meeting_participant
				WHERE activity_id = ? ORDER BY id""")
			.param(activityId)
			.query((rs, n) -> new MeetingView.Participant(rs.getLong(1), rs.getString(2), rs.getString(3).trim(),
					rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	void addParticipant(long activityId, ParticipantRequest participant, String by, Instant now) {
		jdbc.sql("""
				INSERT INTO meeting_participant (activity_id, name, country, affiliation, personal_capacity, added_by,
				added_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(activityId, participant.name(), participant.country(), participant.affiliation(),
					participant.personalCapacity(), by, Timestamp.from(now))
			.update();
	}

	Optional<MeetingView.Funding> funding(long activityId) {
		return jdbc.sql("SELECT amount, currency, source, recorded_by, recorded_at FROM meeting_funding WHERE activity_id = ?")
			.param(activityId)
			.query((rs, n) -> new MeetingView.Funding(inMinorUnits(rs.getBigDecimal(1), rs.getString(2)),
					rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
			.optional();
	}

	/** 45000.500 EUR, as stored, reads 45000.50: as many decimals as the currency has. */
	private static BigDecimal inMinorUnits(BigDecimal amount, String currency) {
		try {
			int digits = Currency.getInstance(currency).getDefaultFractionDigits();
			return digits < 0 ? amount : amount.setScale(digits, RoundingMode.UNNECESSARY);
		}
		catch (IllegalArgumentException | ArithmeticException e) {
			return amount;
		}
	}

	void saveFunding(long activityId, MeetingFundingRequest funding, String by, Instant now) {
		int updated = jdbc.sql("""
				UPDATE meeting_funding SET amount = ?, currency = ?, source = ?, recorded_by = ?, recorded_at = ?
				WHERE activity_id = ?""")
			.params(funding.amount(), funding.currency(), funding.source(), by, Timestamp.from(now), activityId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO meeting_funding (activity_id, amount, currency, source, recorded_by, recorded_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(activityId, funding.amount(), funding.currency(), funding.source(), by, Timestamp.from(now))
				.update();
		}
	}

	Optional<MeetingView.Report> report(long activityId) {
		return jdbc.sql("""
				SELECT answer_duplication, answer_necessity, answer_legal_systems, summary, recorded_by, recorded_at
				FROM meeting_report WHERE activity_id = ?""")
			.param(activityId)
			.query((rs, n) -> new MeetingView.Report(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.optional();
	}

	void saveReport(long activityId, MeetingReportAnswers answers, String summary, String by, Instant now) {
		int updated = jdbc.sql("""
				UPDATE meeting_report SET answer_duplication = ?, answer_necessity = ?, answer_legal_systems = ?,
				summary = ?, recorded_by = ?, recorded_at = ? WHERE activity_id = ?""")
			.params(answers.duplication(), answers.necessity(), answers.legalSystems(), summary, by,
					Timestamp.from(now), activityId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO meeting_report (activity_id, answer_duplication, answer_necessity, answer_legal_systems,
					summary, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(activityId, answers.duplication(), answers.necessity(), answers.legalSystems(), summary, by,
						Timestamp.from(now))
				.update();
		}
	}

}
