package org.coopflow.activities;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The participants, funding and report of an EXPERT_MEETING activity. Writers hold the activity's lock
 * ({@link ActivityRepository#lock}), so that an update-or-insert never races another.
 */
@Repository
class ExpertMeetingRepository {

	private final JdbcClient jdbc;

	ExpertMeetingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<MeetingView.Participant> participants(long activityId) {
		return jdbc.sql("""
				SELECT id, name, country, affiliation, personal_capacity, added_by, added_at FROM meeting_participant
				WHERE activity_id = ? ORDER BY id""")
			.param(activityId)
			.query((rs, n) -> new MeetingView.Participant(rs.getLong(1), rs.getString(2), rs.getString(3).trim(),
					rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	void add(long activityId, ParticipantRequest participant, String by, Instant now) {
		jdbc.sql("""
				INSERT INTO meeting_participant (activity_id, name, country, affiliation, personal_capacity, added_by,
				added_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(activityId, participant.name(), participant.country(), participant.affiliation(),
					participant.personalCapacity(), by, Timestamp.from(now))
			.update();
	}

	/** The funding as stored, to as many decimals as the column keeps. */
	Optional<MeetingView.Funding> funding(long activityId) {
		return jdbc.sql("SELECT amount, currency, source, recorded_by, recorded_at FROM meeting_funding WHERE activity_id = ?")
			.param(activityId)
			.query((rs, n) -> new MeetingView.Funding(rs.getBigDecimal(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
			.optional();
	}

	void save(long activityId, MeetingFundingRequest funding, String by, Instant now) {
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

	void save(long activityId, MeetingReportAnswers answers, String summary, String by, Instant now) {
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
