package org.coopflow.operations.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.coopflow.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * coopflow's start-up and resident memory beside a bare Camunda application's ({@link BareCamunda}),
 * each a JVM of its own with the Docker image's JVM options, alternating in one run: time from launch
 * to ready, the resident set 30 s after launch, and coopflow's after a spell of pledge intake. Prints
 * each start and the medians; asserts only that every start got ready and every intake answered 201.
 * A kind ending in {@code -restart} measures the second start on one database, the first untimed.
 * Excluded from the default run (tag {@code benchmark}); how to run it and the recorded figures are in
 * README.md beside this file.
 */
@Tag("benchmark")
class StartupBenchmark {

	private static final int ROUNDS = Integer.getInteger("coopflow.bench.rounds", 3);

	/** The kinds started in each round, in the first round's order (later rounds rotate it). */
	private static final List<String> KINDS = Arrays.stream(System.getProperty("coopflow.bench.kinds",
			"bare-mariadb,coopflow-mariadb,bare-h2,coopflow-h2,coopflow-mariadb-cds,coopflow-h2-cds").split(","))
		.map(String::trim)
		.filter(kind -> !kind.isEmpty())
		.toList();

	/** Resident memory is read this long after launch (or at ready, if that is later). */
	private static final Duration RSS_AFTER = Duration.ofSeconds(Integer.getInteger("coopflow.bench.rss-after", 30));

	/** Seconds of pledge intake (8 clients) after which coopflow's resident memory is read again; 0 skips it. */
	private static final int INTAKE_SECONDS = Integer.getInteger("coopflow.bench.intake-seconds", 30);

	private static final int INTAKE_CLIENTS = Integer.getInteger("coopflow.bench.intake-clients", 8);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

	private static final String INTAKE_BODY = "{\"amount\":\"1000\",\"currency\":\"USD\",\"office\":\"CPCJD\"}";

	private static final Pattern STARTED = Pattern.compile("Started \\S+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");

	private final Path root = Paths.get("").toAbsolutePath();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private Path work;

	private String javaOptions;

	private String bareClasspath;

	private Path coopflowJar;

	private Path cdsArchive;

	/** The baseline jar's own CDS archive, for the kinds baseline-mariadb-cds and baseline-h2-cds. */
	private Path baselineCdsArchive;

	/** Another build of coopflow (-Dcoopflow.bench.baseline-jar), started as the kinds baseline-mariadb and baseline-h2. */
	private Path baselineJar;

	@Test
	void coopflowAgainstABareCamundaApplication() throws Exception {
		work = Files.createDirectories(root.resolve("target/startup-bench"));
		javaOptions = dockerJavaOptions();
		System.out.printf(Locale.ROOT, "JVM options (docker/Dockerfile's JAVA_TOOL_OPTIONS): %s; %d cores; kinds %s; %d rounds%n",
				javaOptions, Runtime.getRuntime().availableProcessors(), KINDS, ROUNDS);
		if (KINDS.stream().anyMatch(kind -> kind.startsWith("bare"))) {
			bareClasspath = bareClasspath();
		}
		if (KINDS.stream().anyMatch(kind -> kind.startsWith("coopflow"))) {
			coopflowJar = extractCoopflow();
		}
		if (KINDS.stream().anyMatch(kind -> kind.startsWith("baseline"))) {
			baselineJar = extract(Paths.get(System.getProperty("coopflow.bench.baseline-jar")), "baseline");
		}
		if (KINDS.stream().anyMatch(kind -> kind.startsWith("coopflow") && kind.contains("-cds"))) {
			cdsArchive = trainCds(coopflowJar);
		}
		if (KINDS.stream().anyMatch(kind -> kind.startsWith("baseline") && kind.contains("-cds"))) {
			baselineCdsArchive = trainCds(baselineJar);
		}

		Map<String, List<Start>> starts = new LinkedHashMap<>();
		KINDS.forEach(kind -> starts.put(kind, new ArrayList<>()));
		for (int round = 1; round <= ROUNDS; round++) {
			for (int i = 0; i < KINDS.size(); i++) {
				String kind = KINDS.get((i + round - 1) % KINDS.size());
				Start start = start(kind);
				starts.get(kind).add(start);
				System.out.printf(Locale.ROOT, "round %d %-22s %s%n", round, kind, start);
			}
		}

		System.out.printf(Locale.ROOT, "%nMedians of %d rounds (load average now %s)%n", ROUNDS, loadAverage());
		System.out.println("| kind | ready | \"Started\" logged | resident 30 s after launch | resident after intake | intake req/s |");
		System.out.println("|---|---|---|---|---|---|");
		for (var entry : starts.entrySet()) {
			List<Start> runs = entry.getValue();
			System.out.printf(Locale.ROOT, "| %s | %.1f s | %.1f s | %d MB | %s | %s |%n", entry.getKey(),
					median(runs.stream().map(s -> s.readyMillis / 1000.0)), median(runs.stream().map(s -> s.startedSeconds)),
					Math.round(median(runs.stream().map(s -> s.rssAtMb))),
					runs.get(0).rssAfterIntakeMb < 0 ? "–" : Math.round(median(runs.stream().map(s -> s.rssAfterIntakeMb))) + " MB",
					runs.get(0).rssAfterIntakeMb < 0 ? "–" : String.format(Locale.ROOT, "%.1f", median(runs.stream().map(s -> s.intakePerSecond))));
		}
		for (String kind : KINDS) {
			String peer = kind.startsWith("bare") ? null : kind.replaceFirst("^(coopflow|baseline)", "bare").replace("-cds", "");
			if (peer != null && starts.containsKey(peer)) {
				List<Double> ratios = new ArrayList<>();
				for (int r = 0; r < ROUNDS; r++) {
					ratios.add((double) starts.get(kind).get(r).readyMillis / starts.get(peer).get(r).readyMillis);
				}
				double ratio = median(ratios.stream());
				System.out.printf(Locale.ROOT, "%s / %s ready: %.2f × (rounds %s) — %s 1.2 ×%n", kind, peer, ratio,
						ratios.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList(), ratio <= 1.2 ? "within" : "above");
			}
		}
	}

	/** One start of one kind, timed, measured and stopped. */
	private Start start(String kind) throws Exception {
		Path dir = Files.createTempDirectory(work, kind + "-");
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("JAVA_TOOL_OPTIONS", javaOptions);
		String database = null;
		String readyPath;
		boolean coopflow = kind.startsWith("coopflow") || kind.startsWith("baseline");
		if (coopflow) {
			if (kind.contains("-cds")) {
				command.add("-XX:SharedArchiveFile=" + (kind.startsWith("baseline") ? baselineCdsArchive : cdsArchive));
			}
			command.addAll(List.of("-jar", (kind.startsWith("baseline") ? baselineJar : coopflowJar).toString(), "--server.port=" + port,
					"--management.endpoint.health.probes.enabled=true"));
			if (kind.contains("mariadb")) {
				database = createMariaDbDatabase();
				// production's profile on a new database, with the demo users (not the demo portfolio) so that
				// the intake spell can sign in as donorNorway
				environment.put("SPRING_PROFILES_ACTIVE", "mysql");
				environment.put("SPRING_DATASOURCE_URL", mysqlServer() + database + "?" + TestDatabase.MYSQL_FLAGS);
				environment.put("SPRING_DATASOURCE_USERNAME", mysqlUser());
				environment.put("SPRING_DATASOURCE_PASSWORD", mysqlPassword());
				command.add("--spring.liquibase.contexts=coopflow,demo");
			}
			// on H2: no profile, so the demo profile with its portfolio, in ./data/ of the fresh directory
			readyPath = "/actuator/health/readiness";
		}
		else {
			command.addAll(List.of("-cp", bareClasspath, BareCamunda.class.getName(), "--server.port=" + port,
					// the same engine settings that shape the schema and the start: full history; the engine
					// creates its own schema (coopflow's Liquibase does that for coopflow)
					"--camunda.bpm.history-level=full", "--camunda.bpm.database.schema-update=true",
					"--spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED"));
			if (kind.contains("mariadb")) {
				database = createMariaDbDatabase();
				command.addAll(List.of("--spring.datasource.url=" + mysqlServer() + database + "?" + TestDatabase.MYSQL_FLAGS,
						"--spring.datasource.username=" + mysqlUser(), "--spring.datasource.password=" + mysqlPassword()));
			}
			else {
				command.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/bare"));
			}
			readyPath = "/engine-rest/engine";
		}
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = null;
		try {
			if (kind.endsWith("-restart")) {
				// every start after an installation's first: the same command once before, untimed, on the same
				// database (coopflow's schema migrated and, on H2, the demo portfolio loaded; the bare engine's
				// schema created), stopped as an operator stops it
				Process first = builder.redirectOutput(dir.resolve("first-start.log").toFile()).start();
				try {
					long begun = System.nanoTime();
					awaitReady(first, port, readyPath, dir.resolve("first-start.log"), begun);
					if (coopflow && !kind.contains("mariadb")) {
						// the demo portfolio enters most exchange rates on a thread of its own after readiness
						awaitLine(dir.resolve("first-start.log"), "exchange rates of the other currencies entered", begun);
					}
				}
				finally {
					stop(first);
				}
			}
			builder.redirectOutput(dir.resolve("log").toFile());
			String loadBefore = loadAverage();
			long launched = System.nanoTime();
			process = builder.start();
			long ready = awaitReady(process, port, readyPath, dir.resolve("log"), launched);
			long rssAt = Math.max(0, launched + RSS_AFTER.toNanos() - System.nanoTime());
			TimeUnit.NANOSECONDS.sleep(rssAt);
			double rss = residentMb(process.pid());
			double rssAfter = -1;
			double perSecond = -1;
			if (coopflow && INTAKE_SECONDS > 0) {
				perSecond = intake(port, Duration.ofSeconds(INTAKE_SECONDS));
				rssAfter = residentMb(process.pid());
			}
			Matcher started = STARTED.matcher(Files.readString(dir.resolve("log")));
			double startedSeconds = started.find() ? Double.parseDouble(started.group(1)) : Double.NaN;
			return new Start(TimeUnit.NANOSECONDS.toMillis(ready - launched), startedSeconds, rss, rssAfter, perSecond,
					loadBefore + " -> " + loadAverage());
		}
		finally {
			if (process != null) {
				stop(process);
			}
			if (database != null) {
				dropMariaDbDatabase(database);
			}
			if (!Boolean.getBoolean("coopflow.bench.keep")) {
				deleteRecursively(dir);
			}
		}
	}

	private static void awaitLine(Path log, String text, long launched) throws Exception {
		while (!Files.readString(log).contains(text)) {
			if (System.nanoTime() - launched > START_TIMEOUT.toNanos()) {
				throw new IllegalStateException("no \"" + text + "\" within " + START_TIMEOUT + " in " + log);
			}
			TimeUnit.MILLISECONDS.sleep(100);
		}
	}

	/** SIGTERM, as an operator or the container runtime stops it; killed if it has not ended within a minute. */
	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

	/**
	 * Ready when the path answers 200 and Boot has logged "Started … in": coopflow's readiness probe is UP
	 * only after every runner (the demo portfolio's loader among them); the bare application has no runner.
	 */
	private long awaitReady(Process process, int port, String path, Path log, long launched) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (System.nanoTime() - launched < START_TIMEOUT.toNanos()) {
			if (!process.isAlive()) {
				String text = Files.readString(log);
				throw new IllegalStateException("the process ended with " + process.exitValue() + "; the end of its log:\n"
						+ text.substring(Math.max(0, text.length() - 4000)));
			}
			try {
				if (http.send(request, BodyHandlers.discarding()).statusCode() == 200
						&& STARTED.matcher(Files.readString(log)).find()) {
					return System.nanoTime();
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			TimeUnit.MILLISECONDS.sleep(50);
		}
		throw new IllegalStateException("not ready within " + START_TIMEOUT + "; see " + log
				+ " (-Dcoopflow.bench.keep=true keeps it)");
	}

	/**
	 * PledgeIntakeBenchmark's request as donorNorway with the demo password, from {@code INTAKE_CLIENTS}
	 * threads for the given time; returns the answered requests per second.
	 */
	private double intake(int port, Duration duration) throws Exception {
		String basic = "Basic " + Base64.getEncoder().encodeToString("donorNorway:demo".getBytes(StandardCharsets.UTF_8));
		URI uri = URI.create("http://127.0.0.1:" + port + "/api/pledges");
		AtomicLong answered = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		ExecutorService clients = Executors.newFixedThreadPool(INTAKE_CLIENTS);
		List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
		long begun = System.nanoTime();
		for (int c = 0; c < INTAKE_CLIENTS; c++) {
			futures.add(clients.submit(() -> {
				while (System.nanoTime() < end) {
					var response = http.send(HttpRequest.newBuilder(uri)
						.POST(BodyPublishers.ofString(INTAKE_BODY, StandardCharsets.UTF_8))
						.header("Content-Type", "application/json")
						.header("Accept", "application/json")
						.header("Authorization", basic)
						.header("Idempotency-Key", UUID.randomUUID().toString())
						.timeout(Duration.ofSeconds(60))
						.build(), BodyHandlers.ofString());
					assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
					answered.incrementAndGet();
				}
				return null;
			}));
		}
		for (var future : futures) {
			future.get();
		}
		clients.shutdown();
		return answered.get() / ((System.nanoTime() - begun) / 1e9);
	}

	/** The JVM options docker/Dockerfile sets in JAVA_TOOL_OPTIONS, so the figures follow the image's heap settings. */
	private String dockerJavaOptions() throws IOException {
		Matcher matcher = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(Files.readString(root.resolve("docker/Dockerfile")));
		assertThat(matcher.find()).as("JAVA_TOOL_OPTIONS in docker/Dockerfile").isTrue();
		return matcher.group(1);
	}

	/**
	 * The bare application's classpath: the class alone in a directory of its own (the test classes hold
	 * models and configuration a bare application must not see) and the jars Maven resolves for
	 * src/test/bench/bare-camunda/pom.xml; or, with -Dcoopflow.bench.bare-classpath=file, the jars that file
	 * lists (colon-separated, as dependency:build-classpath writes them).
	 */
	private String bareClasspath() throws Exception {
		Path classes = Files.createDirectories(work.resolve("bare-classes"));
		String resource = BareCamunda.class.getName().replace('.', '/') + ".class";
		Path target = classes.resolve(resource);
		Files.createDirectories(target.getParent());
		try (var in = BareCamunda.class.getClassLoader().getResourceAsStream(resource)) {
			Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		String given = System.getProperty("coopflow.bench.bare-classpath");
		if (given != null) {
			// where Maven's dependency plugin cannot be resolved offline (README.md: how to list the jars without it)
			return classes + java.io.File.pathSeparator + Files.readString(Paths.get(given)).trim();
		}
		Path list = work.resolve("bare-classpath.txt");
		run(root, List.of(root.resolve("mvnw").toString(), "-B", "-q", "-o", "-f", "src/test/bench/bare-camunda/pom.xml",
				"dependency:build-classpath", "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + list));
		return classes + java.io.File.pathSeparator + Files.readString(list).trim();
	}

	/**
	 * The packaged jar (./mvnw package first), extracted as Spring Boot recommends for a quick, CDS-friendly
	 * start: the application jar beside lib/, started with java -jar.
	 */
	private Path extractCoopflow() throws Exception {
		Path jar;
		try (Stream<Path> files = Files.list(root.resolve("target"))) {
			jar = files.filter(p -> p.getFileName().toString().matches("coopflow-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/coopflow-*.jar: run ./mvnw -DskipTests package first"));
		}
		return extract(jar, "coopflow");
	}

	private Path extract(Path jar, String name) throws Exception {
		System.out.printf(Locale.ROOT, "%s jar %s, built %s%n", name, jar, Files.getLastModifiedTime(jar));
		Path extracted = work.resolve(name);
		deleteRecursively(extracted);
		run(root, List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Djarmode=tools", "-jar",
				jar.toString(), "extract", "--destination", extracted.toString()));
		return extracted.resolve(jar.getFileName());
	}

	/**
	 * The CDS archive, made by a training run as docker/Dockerfile makes it: the context refreshed on an
	 * in-memory H2 database, then the JVM exits and writes the classes it loaded.
	 */
	private Path trainCds(Path jar) throws Exception {
		Path archive = jar.resolveSibling("application.jsa");
		Files.deleteIfExists(archive);
		long begun = System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", jar.toString(),
				"--spring.datasource.url=jdbc:h2:mem:cds-training")
			.directory(work.toFile());
		builder.environment().put("JAVA_TOOL_OPTIONS", javaOptions);
		run(builder);
		System.out.printf(Locale.ROOT, "CDS training run of %s: %.1f s, archive %d MB%n", jar.getParent().getFileName(),
				(System.nanoTime() - begun) / 1e9, Files.size(archive) >> 20);
		return archive;
	}

	private static void run(Path directory, List<String> command) throws Exception {
		run(new ProcessBuilder(command).directory(directory.toFile()));
	}

	private static void run(ProcessBuilder builder) throws Exception {
		Path output = Files.createTempFile("startup-bench", ".log");
		Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
		int exit = process.waitFor();
		String log = Files.readString(output);
		Files.delete(output);
		if (exit != 0) {
			throw new IllegalStateException(String.join(" ", builder.command()) + " failed with " + exit + ":\n" + log);
		}
	}

	private static double residentMb(long pid) throws IOException {
		for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
			}
		}
		throw new IllegalStateException("no VmRSS for " + pid);
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Paths.get("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException e) {
			return "?";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String mysqlServer() {
		String server = System.getProperty("coopflow.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
		return server.endsWith("/") ? server : server + "/";
	}

	private static String mysqlUser() {
		return System.getProperty("coopflow.test.mysql.username", "root");
	}

	private static String mysqlPassword() {
		return System.getProperty("coopflow.test.mysql.password", "");
	}

	/** A new database for one start, named like TestDatabase's so that a run's leftovers are recognisable. */
	private static String createMariaDbDatabase() throws SQLException {
		String name = "cf_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection connection = DriverManager.getConnection(mysqlServer(), mysqlUser(), mysqlPassword());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		return name;
	}

	private static void dropMariaDbDatabase(String name) {
		try (Connection connection = DriverManager.getConnection(mysqlServer(), mysqlUser(), mysqlPassword());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE " + name);
		}
		catch (SQLException e) {
			// a database left behind is harmless: every start creates a new one under a random name
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.delete(p);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}

	private static double median(Stream<Double> values) {
		double[] sorted = values.mapToDouble(Double::doubleValue).sorted().toArray();
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private record Start(long readyMillis, double startedSeconds, double rssAtMb, double rssAfterIntakeMb,
			double intakePerSecond, String load) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "ready %6.1f s (Started at %5.1f s)  resident %4.0f MB at %d s%s  load %s",
					readyMillis / 1000.0, startedSeconds, rssAtMb, RSS_AFTER.toSeconds(),
					rssAfterIntakeMb < 0 ? ""
							: String.format(Locale.ROOT, ", %4.0f MB after %d s of intake (%.1f req/s)", rssAfterIntakeMb,
									INTAKE_SECONDS, intakePerSecond),
					load);
		}

	}

}
