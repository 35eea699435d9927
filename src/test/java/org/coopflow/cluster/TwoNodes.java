package org.coopflow.cluster;

import java.util.HashMap;
import java.util.Map;

import org.coopflow.CoopflowApplication;
import org.coopflow.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two coopflow nodes in this JVM, each a whole application on a random port of its own, sharing ONE fresh
 * test database (an in-memory H2 database kept open across connections, or one cf_test_* database on
 * MariaDB with -Pmariadb), with the job executor and the mail relay running on both. As in production,
 * nothing ties the nodes together but the database.
 * <p>
 * What one JVM cannot separate: Camunda's static registry of engines by name ({@code ProcessEngines}),
 * through which its webapps look their engine up, and its static clock ({@code ClockUtil}). Both engines
 * are called "default", so Camunda's webapp REST on either node may run its query through the engine of
 * the node started last; that engine reads the same database, and whether the caller is signed in is still
 * decided by the node that answers, from the shared session. For the same reason a test class that uses
 * this is tagged {@code restarts}, which gives it a JVM apart from the cached test context (pom.xml).
 */
public final class TwoNodes implements AutoCloseable {

	public final TestDatabase database = TestDatabase.create();

	public final ConfigurableApplicationContext a;

	public final ConfigurableApplicationContext b;

	private TwoNodes(Map<String, Object> extra) {
		// one after the other, as a second server joins: Liquibase and Camunda's deployment run on the
		// first, the second finds them done
		a = start("node-a", extra);
		ConfigurableApplicationContext second;
		try {
			second = start("node-b", extra);
		}
		catch (RuntimeException e) {
			a.close();
			database.drop();
			throw e;
		}
		b = second;
	}

	/** Starts node A, then node B, on one fresh database. */
	public static TwoNodes start() {
		return new TwoNodes(Map.of());
	}

	/** The same, with further properties for both nodes. */
	public static TwoNodes start(Map<String, Object> properties) {
		return new TwoNodes(properties);
	}

	private ConfigurableApplicationContext start(String node, Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>(database.properties());
		properties.put("coopflow.test.fresh-database", "false");
		properties.put("server.port", "0");
		properties.put("spring.application.name", "coopflow-" + node);
		// the relay polls on both nodes, so that they compete for the same rows
		properties.put("coopflow.notifications.poll-interval", "PT0.2S");
		// Camunda writes its hostname into each job's lock owner and job log: tells the nodes apart
		properties.put("camunda.bpm.generic-properties.properties.hostname", node);
		// an idle job executor looks for due jobs again within a second, not after a minute's back-off
		properties.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
		properties.put("camunda.bpm.job-execution.max-wait", "1000");
		// three threads a node (Camunda's core size; it grows to ten when its queue is full), so that
		// neither node can swallow all the due jobs before the other looks
		properties.put("camunda.bpm.job-execution.max-pool-size", "3");
		properties.putAll(extra);
		return new SpringApplicationBuilder(CoopflowApplication.class).run(TestDatabase.asArguments(properties));
	}

	public static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	public int portA() {
		return port(a);
	}

	public int portB() {
		return port(b);
	}

	/** The shared database, as either node sees it. */
	public JdbcClient jdbc() {
		return a.getBean(JdbcClient.class);
	}

	@Override
	public void close() {
		try {
			b.close();
		}
		finally {
			a.close();
			database.drop();
		}
	}

}
