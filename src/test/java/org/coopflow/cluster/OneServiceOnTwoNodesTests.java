package org.coopflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.coopflow.TestHttp;
import org.coopflow.TestMailServer;
import org.coopflow.TestPortfolio;
import org.coopflow.programmes.OverlapScreening;
import org.coopflow.reference.ReferenceCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two coopflow nodes on one database ({@link TwoNodes}) work as one service: a person signed in on one is
 * signed in on the other, Camunda's webapps included, and signed out on both by signing out on either; the
 * outbox sends each mail once though both relays poll it; each timer and job runs once though both job
 * executors look for them; reference codes a newer node adds and programmes created on one node reach
 * the other within the stated time. docs/cluster.md has the table of what is kept where.
 */
// starts and stops coopflow itself: a JVM of its own (pom.xml), away from the cached test context
@Tag("restarts")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneServiceOnTwoNodesTests {

	/** Short for the test; 30 seconds in application.yaml. */
	private static final Duration REFERENCE_REFRESH = Duration.ofSeconds(2);

	private TwoNodes nodes;

	private JdbcClient jdbc;

	@BeforeAll
	void startTwoNodes() {
		nodes = TwoNodes.start(Map.of("coopflow.reference.refresh", REFERENCE_REFRESH.toString()));
		jdbc = nodes.jdbc();
	}

	@AfterAll
	void stopBoth() {
		if (nodes != null) {
			nodes.close();
		}
	}

	// ---- sessions

	private int sessionsOf(String user) {
		return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?").param(user).query(Integer.class).single();
	}

	private int sessions() {
		return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION").query(Integer.class).single();
	}

	@Test
	void aSignInOnOneNodeHoldsOnTheOtherForPagesAndCamundaAndASignOutEndsItOnBoth() {
		// one browser behind a load balancer: the same cookies go to either node
		CookieManager cookies = new CookieManager();
		TestHttp onA = TestHttp.browser(nodes.portA(), cookies);
		TestHttp onB = TestHttp.browser(nodes.portB(), cookies);

		TestHttp.Response signIn = onA.signIn("officerOhchr", TestHttp.DEMO_PASSWORD);
		assertThat(signIn.status()).isEqualTo(302);
		assertThat(signIn.header("Location")).doesNotContain("error");
		assertThat(signIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID=")).hasSize(1);
		assertThat(sessionsOf("officerOhchr")).isEqualTo(1);

		// coopflow's page on the other node knows who is signed in
		TestHttp.Response page = onB.browse("/programmes");
		assertThat(page.status()).as("a page on node B, signed in on node A").isEqualTo(200);
		assertThat(page.body()).contains("Sign out");

		// Camunda's webapp: opened on A, its own state in the session (the sign-in Camunda keeps and its
		// CSRF token) is what B checks a state-changing call against
		TestHttp.Response tasklist = onA.browse("/camunda/app/tasklist/default/");
		assertThat(tasklist.status()).isEqualTo(200);
		String xsrf = tasklist.cookie("XSRF-TOKEN");
		TestHttp.Response count = onB.sendWithHeader("POST", "/camunda/api/engine/engine/default/task/count", "X-XSRF-TOKEN",
				xsrf, "application/json", "{}");
		assertThat(count.status()).as("Camunda's CSRF token from node A on node B: " + count.body()).isEqualTo(200);
		assertThat(count.json().has("count")).isTrue();
		TestHttp.Response camundaUser = onB.browse("/camunda/api/admin/auth/user/default");
		assertThat(camundaUser.status()).isEqualTo(200);
		assertThat(camundaUser.json().path("userId").asText()).isEqualTo("officerOhchr");
		assertThat(onB.browse("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(200);
		// what made that work is in the database, written by Java serialization
		assertThat(jdbc.sql("""
				SELECT a.ATTRIBUTE_NAME FROM SPRING_SESSION_ATTRIBUTES a JOIN SPRING_SESSION s ON s.PRIMARY_ID = a.SESSION_PRIMARY_ID
				WHERE s.PRINCIPAL_NAME = ?""").param("officerOhchr").query(String.class).list())
			.contains("SPRING_SECURITY_CONTEXT", "authenticatedUser", "CAMUNDA_CSRF_TOKEN");

		// a stranger without the cookie is not let in on either node (the check above could fail)
		assertThat(TestHttp.browser(nodes.portB()).browse("/programmes").header("Location")).endsWith("/login");

		// signing out on B ends the session on A as well, Camunda's part too
		String token = onB.browse("/").csrfToken();
		TestHttp.Response signOut = onB.send("POST", "/logout", null, "application/x-www-form-urlencoded",
				"_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
		assertThat(signOut.header("Location")).endsWith("/login?logout");
		assertThat(onA.browse("/programmes").header("Location")).as("node A after signing out on B").endsWith("/login");
		assertThat(onA.browse("/camunda/app/tasklist/default/").status()).isEqualTo(302);
		assertThat(sessionsOf("officerOhchr")).isZero();
	}

	@Test
	void camundaRequestsArrivingTogetherOnBothNodesAllSucceed() throws Exception {
		CookieManager cookies = new CookieManager();
		TestHttp onA = TestHttp.browser(nodes.portA(), cookies);
		TestHttp onB = TestHttp.browser(nodes.portB(), cookies);
		assertThat(onA.signIn("coordinatorOhchr", TestHttp.DEMO_PASSWORD).status()).isEqualTo(302);
		// as Tasklist's first screen does: many calls at once, each adding Camunda's state to the one session
		java.util.concurrent.ExecutorService browser = java.util.concurrent.Executors.newFixedThreadPool(12);
		try {
			List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 24; i++) {
				TestHttp node = i % 2 == 0 ? onA : onB;
				answers.add(browser.submit(() -> node.browse("/camunda/api/engine/engine/default/task/count").status()));
			}
			for (java.util.concurrent.Future<Integer> answer : answers) {
				assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			browser.shutdownNow();
		}
		assertThat(onB.browse("/camunda/api/admin/auth/user/default").json().path("userId").asText())
			.isEqualTo("coordinatorOhchr");
	}

	@Test
	void theOpenPagesAndTheApiLeaveNoSessionBehind() {
		int before = sessions();
		for (int port : new int[] { nodes.portA(), nodes.portB() }) {
			TestHttp anyone = TestHttp.browser(port);
			TestHttp.Response open = anyone.browse("/open");
			assertThat(open.status()).isEqualTo(200);
			assertThat(open.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
			TestHttp.Response api = TestHttp.api(port).get("/api/standards", "officerCpcjd");
			assertThat(api.status()).isEqualTo(200);
			assertThat(api.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
		}
		assertThat(sessions()).isEqualTo(before);
		// the count above is of real rows: a page sign-in adds one
		TestHttp.browser(nodes.portA()).signIn("coordinatorCpcjd", TestHttp.DEMO_PASSWORD);
		assertThat(sessions()).isEqualTo(before + 1);
	}

	@Test
	void theSessionTablesHavePrimaryKeysAsGaleraRequires() throws java.sql.SQLException {
		try (java.sql.Connection connection = nodes.database.connect()) {
			for (String table : List.of("SPRING_SESSION", "SPRING_SESSION_ATTRIBUTES")) {
				List<String> columns = new java.util.ArrayList<>();
				try (java.sql.ResultSet keys = connection.getMetaData()
					.getPrimaryKeys(connection.getCatalog(), nodes.database.isMysql() ? null : "PUBLIC", table)) {
					while (keys.next()) {
						columns.add(keys.getString("COLUMN_NAME"));
					}
				}
				assertThat(columns).as(table).isNotEmpty();
			}
		}
	}

	// ---- mail

	@Test
	void theOutboxSendsEachMailOnceThoughBothNodesRelayIt() throws InterruptedException {
		String run = UUID.randomUUID().toString().substring(0, 8);
		int mails = 60;
		// queued in one transaction, so that both relays find all of them at once
		nodes.a.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
			for (int i = 0; i < mails; i++) {
				jdbc.sql("""
						INSERT INTO notification_outbox (event_key, recipient, subject, body, created_at)
						VALUES (?, ?, ?, ?, ?)""")
					.params("cluster-" + run + ":" + i, "person" + i + "@example.org", "Cluster " + run + " mail " + i,
							"one of " + mails, Timestamp.from(Instant.now()))
					.update();
			}
		});
		await().atMost(Duration.ofSeconds(60))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE event_key LIKE ? AND sent_at IS NULL")
				.param("cluster-" + run + ":%")
				.query(Integer.class)
				.single() == 0);
		// more rounds of both relays find nothing left to send
		Thread.sleep(1000);

		Map<String, Long> received = Arrays.stream(TestMailServer.get().getReceivedMessages())
			.map(OneServiceOnTwoNodesTests::subject)
			.filter(subject -> subject.startsWith("Cluster " + run + " "))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(received).hasSize(mails);
		assertThat(received.values()).allMatch(times -> times == 1L);
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	// ---- jobs

	@Test
	void eachTimerAndEachJobRunsOnceWithTheJobExecutorOnBothNodes() {
		String key = "ClusterTimerFixture";
		BpmnModelInstance model = Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.intermediateCatchEvent("wait")
			.timerWithDuration("PT1H")
			// after the timer, an asynchronous continuation: a second job per instance
			.serviceTask("step")
			.camundaAsyncBefore()
			.camundaClass(SlowStep.class)
			.endEvent()
			.done();
		nodes.a.getBean(RepositoryService.class).createDeployment().addModelInstance("cluster-timer.bpmn", model).deploy();
		RuntimeService runtime = nodes.a.getBean(RuntimeService.class);
		int instances = 40;
		for (int i = 0; i < instances; i++) {
			runtime.startProcessInstanceByKey(key);
		}
		HistoryService history = nodes.b.getBean(HistoryService.class);
		try {
			// every timer falls due at once, for both nodes' job executors
			ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(2))));
			await().atMost(Duration.ofSeconds(120))
				.until(() -> history.createHistoricProcessInstanceQuery().processDefinitionKey(key).finished().count() == instances);
		}
		finally {
			ClockUtil.reset();
		}

		List<HistoricJobLog> created = history.createHistoricJobLogQuery().processDefinitionKey(key).creationLog().list();
		List<HistoricJobLog> succeeded = history.createHistoricJobLogQuery().processDefinitionKey(key).successLog().list();
		assertThat(created).hasSize(2 * instances);
		Map<String, Long> runsPerJob = succeeded.stream()
			.collect(Collectors.groupingBy(HistoricJobLog::getJobId, Collectors.counting()));
		assertThat(runsPerJob.keySet()).as("no job lost")
			.isEqualTo(created.stream().map(HistoricJobLog::getJobId).collect(Collectors.toSet()));
		assertThat(runsPerJob.values()).as("no job run twice").allMatch(runs -> runs == 1L);
		// both nodes took part, so the above was a competition
		Set<String> hosts = succeeded.stream().map(HistoricJobLog::getHostname).collect(Collectors.toSet());
		assertThat(hosts).containsExactlyInAnyOrder("node-a", "node-b");
		assertThat(history.createHistoricJobLogQuery().processDefinitionKey(key).failureLog().count()).isZero();
	}

	// ---- what each node keeps in memory

	@Test
	void aReferenceCodeAddedThroughOneNodeReachesTheOtherWithinTheRefresh() {
		ReferenceCodes onB = nodes.b.getBean(ReferenceCodes.class);
		// B has read the codes and holds them
		assertThat(onB.snapshot().isStandard("CLUSTER-RULES")).isFalse();
		// as a newer node's changeset adds a standard while B runs on
		jdbc.sql("INSERT INTO standard (code, position, title, adopted_by) VALUES (?, ?, ?, ?)")
			.params("CLUSTER-RULES", 9999, "Rules one node's upgrade added", "a test")
			.update();
		Instant added = Instant.now();
		await().atMost(REFERENCE_REFRESH.plusSeconds(3)).until(() -> onB.snapshot().isStandard("CLUSTER-RULES"));
		assertThat(Duration.between(added, Instant.now())).isLessThanOrEqualTo(REFERENCE_REFRESH.plusSeconds(3));
	}

	@Test
	void aProgrammeCreatedOnOneNodeIsScreenedAgainstOnTheOther() {
		OverlapScreening onB = nodes.b.getBean(OverlapScreening.class);
		TransactionTemplate transactionOnB = nodes.b.getBean(TransactionTemplate.class);
		// B's index is built (and its watermark set) before the programmes exist
		List<Long> none = transactionOnB.execute(status -> onB.screen(-1));
		assertThat(none).isEmpty();

		TestHttp onA = TestHttp.api(nodes.portA());
		java.time.LocalDate[] period = TestPortfolio.period();
		long existing = create(onA, "officerOhchr", prisonReform("Prison reform in Kenya", period));
		long proposal = create(onA, "officerCpcjd", prisonReform("Reform of Kenyan prisons", period));

		List<Long> alerts = transactionOnB.execute(status -> onB.screen(proposal));
		assertThat(alerts).as("node B screens node A's proposal against node A's programme " + existing).hasSize(1);
	}

	private static long create(TestHttp api, String officer, ObjectNode draft) {
		TestHttp.Response created = api.send("POST", "/api/programmes", officer, "application/json", draft.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static ObjectNode prisonReform(String title, java.time.LocalDate[] period) {
		ObjectNode draft = new ObjectMapper().createObjectNode();
		draft.put("title", title);
		draft.put("description", "Training prison staff in the Nelson Mandela Rules and reducing pre-trial detention "
				+ "in the prisons of Kenya, with the Kenya Prisons Service");
		draft.putArray("countries").add("KE");
		draft.putArray("standards").add("SMR-PRISONERS").add("TOKYO-RULES");
		draft.putArray("activityTypes").add("TRAINING");
		draft.putArray("sectors").add("15130");
		draft.put("beneficiaryInstitution", "Kenya Prisons Service");
		draft.put("plannedStart", period[0].toString());
		draft.put("plannedEnd", period[1].toString());
		draft.putObject("budget").put("amount", "300000.00").put("currency", "USD");
		return draft;
	}

}
