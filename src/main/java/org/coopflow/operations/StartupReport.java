package org.coopflow.operations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says once, at start-up, which database coopflow runs on and with which profiles, so that an operator
 * reading the log never has to guess whether production runs on the embedded H2 by mistake.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final DataSource dataSource;

	private final Environment environment;

	StartupReport(DataSource dataSource, Environment environment) {
		this.dataSource = dataSource;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		String[] active = environment.getActiveProfiles();
		String profiles = active.length > 0 ? String.join(",", active)
				: String.join(",", environment.getDefaultProfiles()) + " (default)";
		boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo")
				|| (active.length == 0 && Arrays.asList(environment.getDefaultProfiles()).contains("demo"));
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			log.info("coopflow is running on {} {} at {} as '{}'; profiles: {}; demo data: {}",
					meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), withoutParameters(meta.getURL()),
					meta.getUserName(), profiles, demo ? "yes" : "no");
			if (meta.getURL().startsWith("jdbc:h2:")) {
				log.warn("The embedded H2 database is for trying coopflow out; run production with the 'mysql' profile");
			}
		}
		catch (SQLException e) {
			log.error("coopflow started, but its database does not answer", e);
		}
	}

	private static String withoutParameters(String url) {
		int query = url.indexOf('?');
		int semicolon = url.indexOf(';');
		int end = query >= 0 ? query : semicolon >= 0 ? semicolon : url.length();
		return url.substring(0, end);
	}

}
