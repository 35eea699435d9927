package org.coopflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose-cluster.yaml cannot be started here (no Docker engine), so what matters in it is read
 * as text: the services of the production shape, Camunda's Galera settings exactly, coopflow reaching
 * the database through a Connector/J failover URL (never load balancing across Galera nodes), the load
 * balancer's round robin without stickiness, and secrets only from the environment.
 */
class ClusterComposeFileTests {

	private static final Path COMPOSE = Path.of("docker/compose-cluster.yaml");

	private static final Path GALERA_CNF = Path.of("docker/galera/galera.cnf");

	private static final Path HAPROXY = Path.of("docker/haproxy.cfg");

	@SuppressWarnings("unchecked")
	private static Map<String, Object> services() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
		return (Map<String, Object>) compose.get("services");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Object value) {
		return (List<String>) value;
	}

	@Test
	void theProductionShapeIsTwoCoopflowNodesBehindALoadBalancerOnThreeGaleraNodes() throws IOException {
		assertThat(services()).containsOnlyKeys("galera1", "galera2", "galera3", "coopflow1", "coopflow2", "lb");
		for (String name : List.of("galera1", "galera2", "galera3", "coopflow1", "coopflow2", "lb")) {
			assertThat(map(services().get(name))).as(name).containsKey("healthcheck");
		}
		// only the load balancer is published
		assertThat(map(services().get("lb")).get("ports")).isEqualTo(List.of("8080:8080"));
		assertThat(map(services().get("coopflow1"))).doesNotContainKey("ports");
		assertThat(map(services().get("coopflow2"))).doesNotContainKey("ports");
	}

	@Test
	void everyGaleraNodeHasCamundasSettingsAndOnlyTheFirstBootstraps() throws IOException {
		Map<String, String> galera = section(Files.readAllLines(GALERA_CNF), "galera");
		// Camunda 7's "MariaDB Galera Database Configuration", value for value
		assertThat(galera).containsEntry("binlog_format", "row")
			.containsEntry("default_storage_engine", "InnoDB")
			.containsEntry("innodb_autoinc_lock_mode", "2")
			.containsEntry("transaction-isolation", "READ-COMMITTED")
			.containsEntry("wsrep_on", "ON")
			.containsEntry("wsrep_causal_reads", "1")
			.containsEntry("wsrep_sync_wait", "7")
			.containsEntry("wsrep_cluster_address", "gcomm://galera1,galera2,galera3");
		// wsrep_causal_reads=1 sets only one bit of wsrep_sync_wait: 7 must come after it to be in force
		List<String> keys = List.copyOf(galera.keySet());
		assertThat(keys.indexOf("wsrep_sync_wait")).isGreaterThan(keys.indexOf("wsrep_causal_reads"));
		assertThat(section(Files.readAllLines(GALERA_CNF), "mysqld")).containsEntry("character-set-server", "utf8mb4");

		for (String name : List.of("galera1", "galera2", "galera3")) {
			Map<String, Object> node = map(services().get(name));
			assertThat(node.get("image")).as(name).isEqualTo("mariadb:10.11");
			assertThat(list(node.get("volumes"))).as(name).contains("./galera/galera.cnf:/etc/mysql/conf.d/galera.cnf:ro");
			assertThat(list(node.get("volumes"))).as(name)
				.contains("./galera/start.sh:/usr/local/bin/galera-start.sh:ro");
			assertThat(node.get("entrypoint")).as(name).isEqualTo(List.of("bash", "/usr/local/bin/galera-start.sh"));
			// nobody bootstraps unconditionally: a restarted node that did would split the cluster
			assertThat(list(node.get("command"))).as(name)
				.contains("--wsrep-node-name=" + name)
				.noneMatch(argument -> argument.contains("--wsrep-new-cluster"));
			assertThat(environment(name).containsKey("GALERA_BOOTSTRAP_EMPTY")).as(name).isEqualTo(name.equals("galera1"));
		}
		// the script bootstraps only an empty first node, or the node that stopped last
		String start = Files.readString(Path.of("docker/galera/start.sh"));
		assertThat(start).contains("if [[ ! -d $datadir/mysql ]]; then", "if [[ ${GALERA_BOOTSTRAP_EMPTY:-0} == 1 ]]; then",
				"grep -q '^safe_to_bootstrap: *1' \"$datadir/grastate.dat\"", "exec docker-entrypoint.sh mariadbd \"$@\"");
	}

	@Test
	void coopflowUsesOneConnectorJFailoverUrlOverAllThreeNodesNeverLoadBalancing() throws IOException {
		String url = environment("coopflow1").get("SPRING_DATASOURCE_URL");
		assertThat(environment("coopflow2").get("SPRING_DATASOURCE_URL")).as("identical on every engine node")
			.isEqualTo(url);
		// plain jdbc:mysql:// with several hosts is Connector/J's failover; loadbalance: and replication:
		// would spread connections over Galera nodes, which Camunda does not support
		assertThat(url).startsWith("jdbc:mysql://galera1:3306,galera2:3306,galera3:3306/coopflow?")
			.doesNotContain("loadbalance", "replication", "jdbc:mariadb");
		// docs/operations.md's required flags, and a failed-over connection stays writable
		assertThat(url).contains("sendFractionalSeconds=false", "nullCatalogMeansCurrent=true",
				"characterEncoding=UTF-8", "failOverReadOnly=false");
		assertThat(environment("coopflow1").get("SPRING_PROFILES_ACTIVE")).isEqualTo("mysql");
	}

	@Test
	void secretsComeOnlyFromTheEnvironment() throws IOException {
		for (String name : List.of("coopflow1", "coopflow2")) {
			assertThat(environment(name).get("SPRING_DATASOURCE_PASSWORD")).as(name).startsWith("${COOPFLOW_DB_PASSWORD:?");
			assertThat(environment(name).get("COOPFLOW_ADMIN_PASSWORD")).as(name).isEqualTo("${COOPFLOW_ADMIN_PASSWORD:-}");
		}
		for (String name : List.of("galera1", "galera2", "galera3")) {
			assertThat(environment(name).get("MARIADB_ROOT_PASSWORD")).as(name).startsWith("${MARIADB_ROOT_PASSWORD:?");
		}
		assertThat(environment("galera1").get("MARIADB_PASSWORD")).startsWith("${COOPFLOW_DB_PASSWORD:?");
	}

	@Test
	void theSecondNodeStartsOnlyOnceTheFirstIsHealthy() throws IOException {
		// one node runs Liquibase and deploys the models: concurrent deployments can duplicate definitions on Galera
		assertThat(map(map(services().get("coopflow2")).get("depends_on")).get("coopflow1"))
			.isEqualTo(Map.of("condition", "service_healthy"));
	}

	@Test
	void theLoadBalancerSpreadsRequestsRoundRobinWithoutStickiness() throws IOException {
		List<String> lines = Files.readAllLines(HAPROXY).stream().map(String::strip)
			.filter(line -> !line.startsWith("#")).toList();
		assertThat(lines).contains("balance roundrobin", "option httpchk GET /actuator/health");
		assertThat(lines).filteredOn(line -> line.startsWith("server ")).hasSize(2)
			.anySatisfy(line -> assertThat(line).startsWith("server coopflow1 coopflow1:8080 check"))
			.anySatisfy(line -> assertThat(line).startsWith("server coopflow2 coopflow2:8080 check"));
		// sessions are in the database: no cookie or stick table pins a person to a node
		assertThat(lines).noneMatch(line -> line.startsWith("cookie ") || line.startsWith("stick"));
	}

	private static Map<String, String> environment(String service) throws IOException {
		Map<String, String> environment = new LinkedHashMap<>();
		map(map(services().get(service)).get("environment"))
			.forEach((key, value) -> environment.put(key, String.valueOf(value)));
		return environment;
	}

	/** The key=value lines of one [section] of a my.cnf file, in their order. */
	private static Map<String, String> section(List<String> lines, String name) {
		Map<String, String> values = new LinkedHashMap<>();
		String current = null;
		for (String raw : lines) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("[")) {
				current = line.substring(1, line.indexOf(']'));
			}
			else if (name.equals(current)) {
				int equals = line.indexOf('=');
				values.put(equals < 0 ? line : line.substring(0, equals).strip(),
						equals < 0 ? "" : line.substring(equals + 1).strip());
			}
		}
		return values;
	}

}
