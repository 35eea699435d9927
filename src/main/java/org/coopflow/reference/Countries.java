package org.coopflow.reference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The ISO 3166-1 countries coopflow knows: Member States that pledge and countries that benefit.
 */
@Service
class Countries {

	private final JdbcClient jdbc;

	Countries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean exists(String code) {
		return code != null && jdbc.sql("SELECT COUNT(*) FROM country WHERE code = ?")
			.param(code)
			.query(Integer.class)
			.single() > 0;
	}

}
