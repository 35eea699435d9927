package org.coopflow.results;

import java.util.Optional;

import org.coopflow.reference.StandardUses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The results that serve a standard. */
@Component
class ResultStandardUses implements StandardUses {

	private final JdbcClient jdbc;

	ResultStandardUses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> of(String code) {
		long results = jdbc.sql("SELECT COUNT(DISTINCT result_id) FROM result_standard WHERE standard_code = ?")
			.param(code)
			.query(Long.class)
			.single();
		return StandardUses.counted(results, "result", "results");
	}

}
