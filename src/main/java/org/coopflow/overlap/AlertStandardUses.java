package org.coopflow.overlap;

import java.util.Optional;

import org.coopflow.reference.StandardUses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The overlap alerts whose pair shares a standard. */
@Component
class AlertStandardUses implements StandardUses {

	private final JdbcClient jdbc;

	AlertStandardUses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> of(String code) {
		// the shared codes are kept as ",A,B,"; codes hold no LIKE wildcards (reference.AddStandard)
		long alerts = jdbc.sql("SELECT COUNT(*) FROM overlap_alert WHERE standards LIKE ?")
			.param("%," + code + ",%")
			.query(Long.class)
			.single();
		return StandardUses.counted(alerts, "overlap alert", "overlap alerts");
	}

}
