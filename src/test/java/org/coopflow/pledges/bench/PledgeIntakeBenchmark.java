package org.coopflow.pledges.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

import javax.sql.DataSource;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.coopflow.CoopflowTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Pledge intake ({@code POST /api/pledges} as a donor: security, validation, persistence and the
 * start of the donor pledge process in one transaction) against a bare start of a process of the
 * same shape through {@code /engine-rest}, at several numbers of concurrent clients, over real HTTP
 * on the configured database. Prints throughput and p50/p99 latency of both and their ratio; asserts
 * only that every request succeeded. Excluded from the default run (tag {@code benchmark}); how to
 * run it and the recorded figures are in README.md beside this file.
 */
@Tag("benchmark")
@CoopflowTest
public class PledgeIntakeBenchmark {

	private static final int[] CLIENTS = Arrays.stream(System.getProperty("coopflow.bench.clients", "1,8,32").split(","))
		.map(String::trim)
		.mapToInt(Integer::parseInt)
		.toArray();

	/** Measured seconds per kind, level and round. */
	private static final int SECONDS = Integer.getInteger("coopflow.bench.seconds", 20);

	/** Unmeasured seconds before each measurement, at the same concurrency. */
	private static final int WARM_UP_SECONDS = Integer.getInteger("coopflow.bench.warmup", 5);

	/** Each round measures every level of both kinds; the figures reported are the rounds' medians. */
	private static final int ROUNDS = Integer.getInteger("coopflow.bench.rounds", 3);

	/**
	 * The BCrypt cost of the two benchmark users' passwords: empty keeps the demo data's hashes (cost
	 * 10), a number re-hashes "demo" at that cost for both. Each request pays one BCrypt check on either
	 * path, which at cost 10 is most of the CPU both spend; a low cost shows what intake adds to the engine.
	 */
	private static final String PASSWORD_COST = System.getProperty("coopflow.bench.bcrypt-cost", "");

	private static final String DONOR = "donorNorway";

	private static final String ADMIN = "admin";

	private static final String PASSWORD = "demo";

	public static final String BARE_KEY = "BarePledgeProcess";

	private static final String INTAKE_BODY = "{\"amount\":\"1000\",\"currency\":\"USD\",\"office\":\"CPCJD\"}";

	/**
	 * DonorPledgeProcess up to its first wait state: the start event, "Verify pledge" with the same
	 * candidate group and form, and the event subprocess whose message start the engine subscribes at
	 * every start; the same history time to live. No listener or delegate calls into coopflow.
	 * {@link #bareModelMatchesTheRealOne} keeps it honest. Formatted with the real model's history time to
	 * live and "Verify pledge"'s candidate groups; PledgeIntakeStatementsTests counts its statements too.
	 */
	public static final String BARE_MODEL = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_BarePledgeProcess"
			    targetNamespace="http://coopflow.org/bpmn/bench">
			  <bpmn:process id="BarePledgeProcess" name="Bare pledge (benchmark)" isExecutable="true"
			      camunda:historyTimeToLive="%s">
			    <bpmn:startEvent id="StartEvent_PledgeAnnounced" name="Pledge announced">
			      <bpmn:outgoing>SequenceFlow_PledgeAnnounced</bpmn:outgoing>
			    </bpmn:startEvent>
			    <bpmn:userTask id="Task_VerifyPledge" name="Verify pledge" camunda:formRef="verify-pledge"
			        camunda:formRefBinding="latest" camunda:candidateGroups="%s">
			      <bpmn:incoming>SequenceFlow_PledgeAnnounced</bpmn:incoming>
			      <bpmn:outgoing>SequenceFlow_PledgeChecked</bpmn:outgoing>
			    </bpmn:userTask>
			    <bpmn:endEvent id="EndEvent_Verified">
			      <bpmn:incoming>SequenceFlow_PledgeChecked</bpmn:incoming>
			    </bpmn:endEvent>
			    <bpmn:subProcess id="SubProcess_PledgeClosed" name="Pledge closed" triggeredByEvent="true">
			      <bpmn:startEvent id="StartEvent_PledgeClosed" name="Pledge withdrawn or cancelled">
			        <bpmn:outgoing>SequenceFlow_PledgeClosed</bpmn:outgoing>
			        <bpmn:messageEventDefinition id="MessageEventDefinition_PledgeClosed" messageRef="Message_BarePledgeClosed" />
			      </bpmn:startEvent>
			      <bpmn:endEvent id="EndEvent_PledgeClosed" name="Pledge closed">
			        <bpmn:incoming>SequenceFlow_PledgeClosed</bpmn:incoming>
			      </bpmn:endEvent>
			      <bpmn:sequenceFlow id="SequenceFlow_PledgeClosed" sourceRef="StartEvent_PledgeClosed" targetRef="EndEvent_PledgeClosed" />
			    </bpmn:subProcess>
			    <bpmn:sequenceFlow id="SequenceFlow_PledgeAnnounced" sourceRef="StartEvent_PledgeAnnounced" targetRef="Task_VerifyPledge" />
			    <bpmn:sequenceFlow id="SequenceFlow_PledgeChecked" sourceRef="Task_VerifyPledge" targetRef="EndEvent_Verified" />
			  </bpmn:process>
			  <bpmn:message id="Message_BarePledgeClosed" name="BarePledgeClosed" />
			</bpmn:definitions>
			""";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final AtomicLong bareSequence = new AtomicLong(1_000_000_000L);

	/** One kind of request the benchmark times: its name and the request for the n-th call. */
	private record Kind(String name, int expectedStatus, LongFunction<HttpRequest> request) {
	}

	/** One measurement: successful requests, the wall time they took, and their sorted latencies. */
	private record Measurement(int clients, long requests, long nanos, long[] sortedLatencies) {

		double perSecond() {
			return requests * 1e9 / nanos;
		}

		double p50Millis() {
			return percentile(0.50);
		}

		double p99Millis() {
			return percentile(0.99);
		}

		private double percentile(double p) {
			if (sortedLatencies.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p * sortedLatencies.length) - 1;
			return sortedLatencies[Math.max(0, Math.min(index, sortedLatencies.length - 1))] / 1e6;
		}

	}

	@Test
	void pledgeIntakeAgainstABareProcessStart() throws Exception {
		String passwords = rehashPasswords();
		ModelFacts real = bareModelMatchesTheRealOne();
		deployBareProcess(real);
		Kind intake = new Kind("intake", 201, n -> intakeRequest(basic(DONOR)));
		Kind bare = new Kind("bare engine", 200, n -> {
			long id = bareSequence.incrementAndGet();
			String body = """
					{"businessKey":"pledge-%d","variables":{\
					"office":{"value":"CPCJD","type":"String"},"donor":{"value":"NO","type":"String"}}}"""
				.formatted(id);
			return HttpRequest.newBuilder(uri("/engine-rest/process-definition/key/" + BARE_KEY + "/start"))
				.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("Authorization", basic(ADMIN))
				.build();
		});

		compare(intake, bare, 1.0, "100 %", passwords);
	}

	/**
	 * Intake with a personal API token ({@code Authorization: Bearer}, no password hash per request)
	 * against intake with HTTP Basic as the same donor, in the same run. Run it with the demo passwords
	 * (BCrypt cost 10, the default) to see what a token saves an integration: issue 18 asks for at least
	 * 4 × at 8 clients.
	 */
	@Test
	void tokenIntakeAgainstBasicIntake() throws Exception {
		String passwords = rehashPasswords();
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/me/tokens"))
			.POST(BodyPublishers.ofString("{\"name\":\"intake benchmark\",\"expiresInDays\":1}", StandardCharsets.UTF_8))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", basic(DONOR))
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body()).path("token").asText();
		Kind withToken = new Kind("intake token", 201, n -> intakeRequest("Bearer " + token));
		Kind withBasic = new Kind("intake Basic", 201, n -> intakeRequest(basic(DONOR)));
		compare(withToken, withBasic, 4, "4 ×", passwords);
	}

	private HttpRequest intakeRequest(String authorization) {
		return HttpRequest.newBuilder(uri("/api/pledges"))
			.POST(BodyPublishers.ofString(INTAKE_BODY, StandardCharsets.UTF_8))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", authorization)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.build();
	}

	/**
	 * Measures {@code measured} beside {@code peer} at every level in every round, alternating which goes
	 * first, and prints the medians with their ratio against {@code target}.
	 */
	private void compare(Kind measured, Kind peer, double target, String targetInWords, String passwords)
			throws Exception {
		// the JIT, the connection pools and the statement caches warm up on both paths before anything counts
		int warmUpClients = Math.min(8, Arrays.stream(CLIENTS).max().orElse(1));
		run(peer, warmUpClients, Duration.ofSeconds(Math.max(WARM_UP_SECONDS, 10)));
		run(measured, warmUpClients, Duration.ofSeconds(Math.max(WARM_UP_SECONDS, 10)));

		List<List<Measurement>> measureds = new ArrayList<>();
		List<List<Measurement>> peers = new ArrayList<>();
		for (int level = 0; level < CLIENTS.length; level++) {
			measureds.add(new ArrayList<>());
			peers.add(new ArrayList<>());
		}
		for (int round = 1; round <= ROUNDS; round++) {
			for (int level = 0; level < CLIENTS.length; level++) {
				int clients = CLIENTS[level];
				// alternate which kind goes first, so that neither always meets a warmer JVM or a fuller database
				boolean peerFirst = (round + level) % 2 == 0;
				for (Kind kind : peerFirst ? List.of(peer, measured) : List.of(measured, peer)) {
					run(kind, clients, Duration.ofSeconds(WARM_UP_SECONDS));
					Measurement measurement = run(kind, clients, Duration.ofSeconds(SECONDS));
					(kind == measured ? measureds : peers).get(level).add(measurement);
					System.out.printf(Locale.ROOT,
							"pledge benchmark: round %d, %2d clients, %-12s: %,7d requests in %5.1f s = %7.1f/s, p50 %6.1f ms, p99 %6.1f ms, load average %.1f%n",
							round, clients, kind.name(), measurement.requests(), measurement.nanos() / 1e9,
							measurement.perSecond(), measurement.p50Millis(), measurement.p99Millis(), loadAverage());
				}
			}
		}

		System.out.printf(Locale.ROOT,
				"pledge benchmark: %s, %d cores, passwords %s, %d rounds of %d s per kind and level, medians:%n",
				database(), Runtime.getRuntime().availableProcessors(), passwords, ROUNDS, SECONDS);
		String a = measured.name();
		String b = peer.name();
		System.out.printf(Locale.ROOT, "| clients | %1$s req/s | %1$s p50 | %1$s p99 | %2$s req/s | %2$s p50 | %2$s p99 | %1$s / %2$s | ≥ %3$s? |%n",
				a, b, targetInWords);
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		for (int level = 0; level < CLIENTS.length; level++) {
			double measuredRate = median(measureds.get(level).stream().mapToDouble(Measurement::perSecond).toArray());
			double peerRate = median(peers.get(level).stream().mapToDouble(Measurement::perSecond).toArray());
			double ratio = measuredRate / peerRate;
			System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f ms | %.1f ms | %.1f | %.1f ms | %.1f ms | %.0f %% | %s |%n",
					CLIENTS[level], measuredRate, medianOf(measureds.get(level), true), medianOf(measureds.get(level), false),
					peerRate, medianOf(peers.get(level), true), medianOf(peers.get(level), false), ratio * 100,
					ratio >= target ? "yes" : "no");
		}
	}

	/** Runs {@code clients} callers for {@code duration}, each sending its next request as soon as the last is answered. */
	private Measurement run(Kind kind, int clients, Duration duration) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		AtomicReference<String> failure = new AtomicReference<>();
		List<Future<long[]>> callers = new ArrayList<>();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		try {
			for (int c = 0; c < clients; c++) {
				callers.add(pool.submit(() -> {
					long[] latencies = new long[1024];
					int count = 0;
					long n = 0;
					while (System.nanoTime() < deadline && failure.get() == null) {
						HttpRequest request = kind.request().apply(n++);
						long sent = System.nanoTime();
						HttpResponse<String> response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
						long latency = System.nanoTime() - sent;
						if (response.statusCode() != kind.expectedStatus()) {
							failure.compareAndSet(null, kind.name() + " answered " + response.statusCode() + ": " + response.body());
							break;
						}
						if (count == latencies.length) {
							latencies = Arrays.copyOf(latencies, count * 2);
						}
						latencies[count++] = latency;
					}
					return Arrays.copyOf(latencies, count);
				}));
			}
			List<long[]> all = new ArrayList<>();
			for (Future<long[]> caller : callers) {
				all.add(caller.get(duration.toSeconds() + 120, TimeUnit.SECONDS));
			}
			long nanos = System.nanoTime() - start;
			assertThat(failure.get()).as("every request succeeds").isNull();
			long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			return new Measurement(clients, latencies.length, nanos, latencies);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Gives both users a password hash of the requested cost; returns what the figures were taken with. */
	private String rehashPasswords() {
		if (PASSWORD_COST.isBlank()) {
			return "as in the demo data (BCrypt cost 10)";
		}
		int cost = Integer.parseInt(PASSWORD_COST.trim());
		for (String user : List.of(DONOR, ADMIN)) {
			// no API sets a password's BCrypt cost, which is what the benchmark varies
			String hash = "{bcrypt}" + new BCryptPasswordEncoder(cost).encode(PASSWORD);
			assertThat(jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?").params(hash, user).update())
				.as(user)
				.isEqualTo(1);
		}
		return "re-hashed at BCrypt cost " + cost;
	}

	private record ModelFacts(String historyTimeToLive, String candidateGroups) {
	}

	/**
	 * Reads DonorPledgeProcess as deployed and checks that the bare copy still has its shape up to the
	 * first wait state: start event straight into "Verify pledge", and one event subprocess.
	 */
	private ModelFacts bareModelMatchesTheRealOne() throws IOException {
		BpmnModelInstance model;
		try (InputStream in = getClass().getResourceAsStream("/bpmn/DonorPledgeProcess.bpmn")) {
			assertThat(in).as("bpmn/DonorPledgeProcess.bpmn on the class path").isNotNull();
			model = Bpmn.readModelFromStream(in);
		}
		Process process = model.getModelElementsByType(Process.class).iterator().next();
		StartEvent start = (StartEvent) model.getModelElementById("StartEvent_PledgeAnnounced");
		assertThat(start.getEventDefinitions()).as("a plain start event").isEmpty();
		FlowNode first = start.getOutgoing().iterator().next().getTarget();
		assertThat(first).as("the first element after the start").isInstanceOf(UserTask.class);
		UserTask verify = (UserTask) first;
		assertThat(verify.getId()).isEqualTo("Task_VerifyPledge");
		assertThat(verify.isCamundaAsyncBefore()).as("no async continuation before the first wait state").isFalse();
		Collection<SubProcess> eventSubprocesses = process.getChildElementsByType(SubProcess.class)
			.stream()
			.filter(SubProcess::triggeredByEvent)
			.toList();
		assertThat(eventSubprocesses).as("event subprocesses subscribed at start").hasSize(1);
		return new ModelFacts(process.getCamundaHistoryTimeToLiveString(),
				bareCandidateGroups(verify.getCamundaCandidateGroups()));
	}

	/**
	 * The real "Verify pledge" asks coopflow for its candidate group ({@code pledgeFacts.officers}, the
	 * officers of the office the pledge's record names), which reads the pledge; a bare start has no pledge,
	 * so its copy names the same group from the {@code office} variable, in an expression of the engine's own.
	 */
	public static String bareCandidateGroups(String real) {
		assertThat(real).as("Verify pledge's candidate groups")
			.isIn("${pledgeFacts.officers(execution)}", "PROGRAMME_OFFICER_${office}");
		return "PROGRAMME_OFFICER_${office}";
	}

	private void deployBareProcess(ModelFacts real) throws IOException, InterruptedException {
		String xml = BARE_MODEL.formatted(real.historyTimeToLive(), real.candidateGroups());
		String boundary = "bench-" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + BARE_KEY
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nbenchmark"
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + BARE_KEY
				+ ".bpmn\"\r\nContent-Type: application/xml\r\n\r\n" + xml + "\r\n--" + boundary + "--\r\n";
		HttpResponse<String> deployed = http.send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.header("Authorization", basic(ADMIN))
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
		assertThat(deployed.body()).contains(BARE_KEY);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static double medianOf(List<Measurement> rounds, boolean p50) {
		return median(rounds.stream().mapToDouble(m -> p50 ? m.p50Millis() : m.p99Millis()).toArray());
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** The machine's load average over the last minute: other builds share it, and the figures show it. */
	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private String database() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
		}
	}

}
