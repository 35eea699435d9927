package org.coopflow.activities;

import java.util.Optional;

import org.coopflow.reference.StandardUses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The activities that serve a standard, and the survey requests about it. */
@Component
class ActivityStandardUses implements StandardUses {

	private final JdbcClient jdbc;

	ActivityStandardUses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> of(String code) {
		long activities = jdbc.sql("""
				SELECT COUNT(DISTINCT activity_id) FROM (
				  SELECT activity_id FROM activity_standard WHERE standard_code = ?
				  UNION SELECT activity_id FROM survey_request WHERE standard_code = ?) named""")
			.params(code, code)
			.query(Long.class)
			.single();
		return StandardUses.counted(activities, "activity", "activities");
	}

}
