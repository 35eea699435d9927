package org.coopflow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A new, empty database for one test application context: an in-memory H2 database by default, or a
 * new database on the MySQL/MariaDB server when the build asks for it ({@code -Pmariadb}, which sets
 * {@code coopflow.test.database=mysql}). A requested server that does not answer fails the test; it
 * never falls back to H2 and never skips.
 */
public final class TestDatabase {

	/** The JDBC flags coopflow needs on MySQL/MariaDB; docs/operations.md documents the same. */
	public static final String MYSQL_FLAGS = "sendFractionalSeconds=false&nullCatalogMeansCurrent=true&characterEncoding=UTF-8";

	private final String name;

	private final String url;

	private final String username;

	private final String password;

	private final boolean mysql;

	private TestDatabase(String name, String url, String username, String password, boolean mysql) {
		this.name = name;
		this.url = url;
		this.username = username;
		this.password = password;
		this.mysql = mysql;
	}

	public static boolean mysqlRequested() {
		return "mysql".equalsIgnoreCase(System.getProperty("coopflow.test.database", "h2"));
	}

	public static TestDatabase create() {
		String name = "cf_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		if (!mysqlRequested()) {
			// DB_CLOSE_DELAY keeps the database for a second start in the same JVM (restart tests)
			return new TestDatabase(name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", false);
		}
		String server = System.getProperty("coopflow.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
		String user = System.getProperty("coopflow.test.mysql.username", "root");
		String password = System.getProperty("coopflow.test.mysql.password", "");
		try (Connection connection = DriverManager.getConnection(server, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException e) {
			throw new IllegalStateException("The tests were asked to run on MySQL/MariaDB (coopflow.test.database=mysql) but "
					+ server + " does not answer for user '" + user + "': " + e.getMessage(), e);
		}
		String base = server.endsWith("/") ? server : server + "/";
		return new TestDatabase(name, base + name + "?" + MYSQL_FLAGS, user, password, true);
	}

	public boolean isMysql() {
		return mysql;
	}

	public String name() {
		return name;
	}

	public String url() {
		return url;
	}

	/** The Spring properties that point an application at this database. */
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", username);
		properties.put("spring.datasource.password", password);
		// the 'mysql' profile reads these; tests that start with that profile rely on them
		properties.put("SPRING_DATASOURCE_URL", url);
		properties.put("SPRING_DATASOURCE_USERNAME", username);
		properties.put("SPRING_DATASOURCE_PASSWORD", password);
		return properties;
	}

	/**
	 * Command-line arguments outrank application.yaml, so a test that starts coopflow itself passes its
	 * database this way (default properties would lose to the yaml's H2 URL).
	 */
	public static String[] asArguments(Map<String, Object> properties) {
		return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(url, username, password);
	}

	/**
	 * Drops the database when the JVM ends, after the cached test contexts are done with it (dropping
	 * it while a context's job executor still polls would only fill the log with errors). An in-memory
	 * H2 database ends with the JVM anyway.
	 */
	public void dropWhenTestsEnd() {
		// -Dcoopflow.test.keep-database=true keeps a benchmark's seeded database for a look with the mysql client
		if (mysql && !Boolean.getBoolean("coopflow.test.keep-database")) {
			Runtime.getRuntime().addShutdownHook(new Thread(this::drop, "drop-" + name));
		}
	}

	public void drop() {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(mysql ? "DROP DATABASE " + name : "SHUTDOWN");
		}
		catch (SQLException e) {
			// a database left behind is harmless: every run creates new ones under random names
		}
	}

}
