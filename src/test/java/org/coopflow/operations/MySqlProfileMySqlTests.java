package org.coopflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.coopflow.CoopflowApplication;
import org.coopflow.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * MySQL/MariaDB only (run by -Pmariadb): the 'mysql' profile alone, configured only through
 * SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD, starts coopflow with reference data and no demo data;
 * adding 'demo' later loads the demo data into the same database.
 */
@Tag("restarts")
class MySqlProfileMySqlTests {

	private final TestDatabase database = TestDatabase.create();

	@AfterEach
	void dropDatabase() {
		database.drop();
	}

	private ConfigurableApplicationContext start(String... profiles) {
		assertThat(database.isMysql()).as("this class runs only against MySQL/MariaDB (-Pmariadb)").isTrue();
		Map<String, Object> properties = new HashMap<>();
		properties.put("coopflow.test.fresh-database", "false");
		properties.put("server.port", "0");
		database.properties().forEach((key, value) -> {
			if (key.startsWith("SPRING_DATASOURCE_")) {
				properties.put(key, value);
			}
		});
		return new SpringApplicationBuilder(CoopflowApplication.class).profiles(profiles)
			.run(TestDatabase.asArguments(properties));
	}

	@Test
	void mysqlProfileHasNoDemoDataUntilDemoIsAdded() {
		try (ConfigurableApplicationContext context = start("mysql")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Integer.class).single()).isZero();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM standard").query(Integer.class).single()).isEqualTo(9);
			assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:mysql:");
		}
		try (ConfigurableApplicationContext context = start("mysql", "demo")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT username FROM app_user ORDER BY username").query(String.class).list())
				.containsExactly("admin", "coordinatorCpcjd", "coordinatorOhchr", "donorJapan", "donorNorway", "officerCpcjd",
						"officerOhchr", "reviewerCpcjd", "reviewerOhchr");
		}
	}

}
