package org.coopflow.activities;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Compendium edition a translation activity produced, one per activity. */
@Repository
class TranslatedEditionRepository {

	private final JdbcClient jdbc;

	TranslatedEditionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<EditionView> find(long activityId) {
		return jdbc.sql("""
				SELECT activity_id, language, member_state, title, published_on, link, recorded_by, recorded_at
				FROM compendium_edition WHERE activity_id = ?""")
			.param(activityId)
			.query((rs, n) -> new EditionView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					Rows.date(rs, 5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.optional();
	}

	/** Records the edition or replaces the one recorded; the caller holds the activity's lock. */
	void save(long activityId, EditionRequest edition, String by, Instant now) {
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

}
