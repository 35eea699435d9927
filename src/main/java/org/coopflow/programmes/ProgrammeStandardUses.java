package org.coopflow.programmes;

import java.util.Optional;

import org.coopflow.reference.StandardUses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The programmes that promote a standard, or did in a version their history keeps. */
@Component
class ProgrammeStandardUses implements StandardUses {

	private final JdbcClient jdbc;

	ProgrammeStandardUses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> of(String code) {
		long programmes = jdbc.sql("""
				SELECT COUNT(DISTINCT programme_id) FROM (
				  SELECT programme_id FROM programme_standard WHERE standard_code = ?
				  UNION SELECT programme_id FROM programme_change WHERE changes LIKE ?) named""")
			// a history's changes are JSON, each code in quotes; codes hold no LIKE wildcards (AddStandard)
			.params(code, "%\"" + code + "\"%")
			.query(Long.class)
			.single();
		return StandardUses.counted(programmes, "programme", "programmes");
	}

}
