package org.coopflow.reference;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the standards catalogue, which Liquibase seeds and nobody edits at run time.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class StandardsCatalogue {

	private final JdbcClient jdbc;

	StandardsCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Standard> all() {
		return jdbc.sql("SELECT code, title, adopted_by FROM standard ORDER BY position")
			.query(Standard.class)
			.list();
	}

	/** A standard's title for people, e.g. for SMR-PRISONERS "Standard Minimum Rules for the Treatment of Prisoners"; the code itself when the catalogue has no such standard. Templates call it as {@code @standardsCatalogue.title(code)}. */
	public String title(String code) {
		return code == null ? null : find(code).map(Standard::title).orElse(code);
	}

	public Optional<Standard> find(String code) {
		return jdbc.sql("SELECT code, title, adopted_by FROM standard WHERE code = ?")
			.param(code)
			.query(Standard.class)
			.optional();
	}

}
