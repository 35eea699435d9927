package org.coopflow.pledges;

import java.util.Optional;

import org.coopflow.reference.StandardUses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The pledges earmarked to a standard. */
@Component
class PledgeStandardUses implements StandardUses {

	private final JdbcClient jdbc;

	PledgeStandardUses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> of(String code) {
		long pledges = jdbc.sql("SELECT COUNT(*) FROM pledge WHERE earmarking = ? AND earmark_target = ?")
			.params(Earmarking.STANDARD.name(), code)
			.query(Long.class)
			.single();
		return StandardUses.counted(pledges, "pledge", "pledges");
	}

}
