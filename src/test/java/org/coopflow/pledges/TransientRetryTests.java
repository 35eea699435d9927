package org.coopflow.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeEvents.PledgeAnnounced;
import org.coopflow.shared.TransientFailures;
import org.coopflow.shared.TransientRetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that loses to a concurrent one (a deadlock, a Galera certification failure, the engine's
 * optimistic lock) is run again by coopflow, so the client sees one success with one effect; when it
 * keeps losing, the client is told 503 with Retry-After, and nothing was recorded. The failures are
 * thrown inside the real transaction of a pledge intake, a task completion and a form post, the way the
 * driver and the engine throw them; the last test makes a real deadlock on the database.
 */
@CoopflowTest
@Import(TransientRetryTests.Faults.class)
// the fault beans make an application context of its own: in the JVM of the shared test context it would
// take over Camunda's static engine registry, and engine-rest there would answer from this test's database
@Tag("restarts")
class TransientRetryTests {

	/** Throws, inside the transaction, the next {@code n} times the work reaches it. */
	@TestConfiguration
	static class Faults {

		final AtomicInteger intakeFailures = new AtomicInteger();

		final AtomicInteger completionFailures = new AtomicInteger();

		final AtomicInteger intakeAttempts = new AtomicInteger();

		final AtomicInteger completionAttempts = new AtomicInteger();

		/** Published in the intake's transaction, after the pledge row was written. */
		@EventListener
		void on(PledgeAnnounced announced) {
			intakeAttempts.incrementAndGet();
			if (take(intakeFailures)) {
				// what Spring makes of Connector/J's answer to a deadlock or Galera certification failure
				throw new CannotAcquireLockException("PreparedStatementCallback; SQL [INSERT ...]",
						new SQLTransactionRollbackException(
								"Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
			}
		}

		/** Camunda's task listener bridge, called inside the completing command. */
		@EventListener(condition = "#task.eventName == 'complete'")
		void on(DelegateTask task) {
			completionAttempts.incrementAndGet();
			if (take(completionFailures)) {
				throw new OptimisticLockingException("Test: " + task.getId() + " was updated by another transaction concurrently");
			}
		}

		final AtomicInteger jobFailures = new AtomicInteger();

		volatile String jobInstance;

		/** Camunda's execution listener bridge: a deadlock inside the job of {@link #jobInstance}. */
		@EventListener
		void on(DelegateExecution execution) {
			if (execution.getProcessInstanceId().equals(jobInstance) && take(jobFailures)) {
				throw new CannotAcquireLockException("PreparedStatementCallback; SQL [UPDATE ...]",
						new SQLTransactionRollbackException(
								"Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
			}
		}

		private static boolean take(AtomicInteger failures) {
			return failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	Faults faults;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TransientRetry retry;

	@Autowired
	ManagementService management;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	TestHttp api;

	PledgeFixtures fixtures;

	@BeforeEach
	void setUp() {
		api = TestHttp.api(port);
		fixtures = new PledgeFixtures(api);
	}

	@AfterEach
	void noFaultsLeft() {
		faults.intakeFailures.set(0);
		faults.completionFailures.set(0);
		faults.jobFailures.set(0);
		faults.jobInstance = null;
	}

	private TestHttp.Response intake(String key, String amount) {
		return api.sendWithHeaders("POST", "/api/pledges", "donorNorway", Map.of("Idempotency-Key", key),
				"application/json", PledgeFixtures.pledge(amount, "USD").toString());
	}

	private long pledgesWithKey(String key) {
		return jdbc.sql("SELECT COUNT(*) FROM pledge WHERE idempotency_key = ?").param(key).query(Long.class).single();
	}

	private long processesOf(long pledgeId) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(DonorPledgeProcess.PROCESS_KEY)
			.processInstanceBusinessKey(DonorPledgeProcess.businessKey(pledgeId))
			.count();
	}

	private static void assertRetryLater(TestHttp.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("1");
		assertThat(response.json().path("retryable").asBoolean()).isTrue();
		assertThat(response.json().path("message").isMissingNode() ? response.json().path("detail").asText()
				: response.json().path("message").asText()).contains("send it again");
	}

	@Test
	void aDeadlockedPledgeIntakeIsRunAgainAndMakesOnePledgeWithOneProcess() {
		String key = UUID.randomUUID().toString();
		faults.intakeFailures.set(2);
		faults.intakeAttempts.set(0);

		TestHttp.Response created = intake(key, "1111");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(faults.intakeAttempts.get()).as("two attempts lost, the third won").isEqualTo(3);
		assertThat(pledgesWithKey(key)).isEqualTo(1);
		long id = created.json().path("id").asLong();
		assertThat(processesOf(id)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge_event WHERE pledge_id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aPledgeIntakeThatKeepsLosingIsAnswered503AndRecordsNothing() {
		String key = UUID.randomUUID().toString();
		faults.intakeFailures.set(100);
		faults.intakeAttempts.set(0);
		long pledgesBefore = jdbc.sql("SELECT COUNT(*) FROM pledge").query(Long.class).single();

		TestHttp.Response refused = intake(key, "2222");

		assertRetryLater(refused);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("detail").asText()).contains("SQLState 40001, error 1213");
		assertThat(faults.intakeAttempts.get()).as("attempts").isEqualTo(retry.maxAttempts());
		assertThat(pledgesWithKey(key)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge").query(Long.class).single()).isEqualTo(pledgesBefore);

		// the careful client sends it again with the same key, and gets one pledge
		faults.intakeFailures.set(0);
		TestHttp.Response again = intake(key, "2222");
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(pledgesWithKey(key)).isEqualTo(1);
	}

	private String verifyTask(long pledgeId) {
		JsonNode open = fixtures.step("GET", "/engine-rest/task?processInstanceBusinessKey="
				+ DonorPledgeProcess.businessKey(pledgeId), "officerCpcjd", null, 200);
		assertThat(open).hasSize(1);
		String taskId = open.get(0).path("id").asText();
		fixtures.step("POST", "/engine-rest/task/" + taskId + "/claim", "officerCpcjd", "{\"userId\": \"officerCpcjd\"}",
				204);
		return taskId;
	}

	private TestHttp.Response completeVerification(String taskId) {
		return api.send("POST", "/engine-rest/task/" + taskId + "/complete", "officerCpcjd", "application/json",
				"{\"variables\":{\"pledgeVerified\":{\"value\":true}}}");
	}

	private long verificationsOf(long pledgeId) {
		return history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(DonorPledgeProcess.businessKey(pledgeId))
			.taskDefinitionKey(DonorPledgeProcess.Tasks.VERIFY_PLEDGE)
			.finished()
			.count();
	}

	@Test
	void anEngineRestCompletionThatLostAnOptimisticLockIsRunAgainAndCompletesOnce() {
		long id = fixtures.create("donorNorway", PledgeFixtures.pledge("1300", "USD")).path("id").asLong();
		String taskId = verifyTask(id);
		faults.completionFailures.set(2);
		faults.completionAttempts.set(0);

		TestHttp.Response completed = completeVerification(taskId);

		assertThat(completed.status()).as(completed.body()).isEqualTo(204);
		assertThat(faults.completionAttempts.get()).isEqualTo(3);
		assertThat(verificationsOf(id)).as("the task was completed once").isEqualTo(1);
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(DonorPledgeProcess.businessKey(id)).list())
			.as("the process moved on once, to the agreement")
			.extracting(task -> task.getTaskDefinitionKey())
			.containsExactly(DonorPledgeProcess.Tasks.CONCLUDE_AGREEMENT);
	}

	@Test
	void anEngineRestCompletionThatKeepsLosingIsAnswered503AndTheTaskStaysOpen() {
		long id = fixtures.create("donorNorway", PledgeFixtures.pledge("1400", "USD")).path("id").asLong();
		String taskId = verifyTask(id);
		faults.completionFailures.set(100);
		faults.completionAttempts.set(0);

		TestHttp.Response refused = completeVerification(taskId);

		// Camunda's own error shape (type, message), with 503 instead of Camunda's 500
		assertRetryLater(refused);
		assertThat(refused.contentType()).startsWith("application/json");
		assertThat(refused.json().path("type").asText()).isEqualTo("OptimisticLockingException");
		assertThat(faults.completionAttempts.get()).isEqualTo(retry.maxAttempts());
		assertThat(verificationsOf(id)).isZero();
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task is still open").isEqualTo(1);
		assertThat(fixtures.step("GET", "/api/pledges/" + id, "officerCpcjd", null, 200).path("status").asText())
			.isEqualTo("PLEDGED");
	}

	private record FormSession(TestHttp browser, String csrf, String key) {
	}

	private FormSession pledgeForm() {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("donorNorway", TestHttp.DEMO_PASSWORD);
		TestHttp.Response form = browser.browse("/donor/pledges/new");
		assertThat(form.status()).isEqualTo(200);
		Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(key.find()).isTrue();
		return new FormSession(browser, form.csrfToken(), key.group(1));
	}

	private static TestHttp.Response post(FormSession session, String amount) {
		String body = String.join("&", "_csrf=" + encode(session.csrf()), "idempotencyKey=" + encode(session.key()),
				"amount=" + amount, "currency=USD", "earmarking=NONE", "office=CPCJD", "note=",
				"instalments[0].dueDate=" + encode(LocalDate.now().plusDays(40).toString()),
				"instalments[0].amount=" + amount);
		return session.browser().submit("/donor/pledges", body.replace("[", "%5B").replace("]", "%5D"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Test
	void aPledgeFormPostThatLostADeadlockIsRunAgainAndMakesOnePledge() {
		FormSession session = pledgeForm();
		faults.intakeFailures.set(2);
		faults.intakeAttempts.set(0);

		TestHttp.Response posted = post(session, "1500");

		assertThat(posted.status()).as(posted.body()).isEqualTo(302);
		assertThat(faults.intakeAttempts.get()).isEqualTo(3);
		assertThat(pledgesWithKey(session.key())).isEqualTo(1);
		long id = jdbc.sql("SELECT id FROM pledge WHERE idempotency_key = ?").param(session.key()).query(Long.class).single();
		assertThat(processesOf(id)).isEqualTo(1);
	}

	@Test
	void aPledgeFormPostThatKeepsLosingShowsThePageToSendItAgainAndRecordsNothing() {
		FormSession session = pledgeForm();
		faults.intakeFailures.set(100);

		TestHttp.Response posted = post(session, "1600");

		assertThat(posted.status()).as(posted.body()).isEqualTo(503);
		assertThat(posted.header("Retry-After")).isEqualTo("1");
		assertThat(posted.contentType()).startsWith("text/html");
		assertThat(posted.body()).contains("Someone else changed the same thing at the same moment", "send the form again");
		assertThat(pledgesWithKey(session.key())).isZero();
	}

	@Test
	void aTimerThatFailsTransientlyIsTriedAgainLaterNotMadeAnIncident() {
		long id = fixtures.create("donorNorway", PledgeFixtures.pledge("1700", "USD")).path("id").asLong();
		fixtures.verify(id);
		String instance = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(DonorPledgeProcess.businessKey(id))
			.singleResult()
			.getId();
		Job lapse = management.createJobQuery().processInstanceId(instance).activityId("BoundaryEvent_LapseDateReached")
			.singleResult();
		assertThat(lapse).as("the lapse timer").isNotNull();
		faults.jobInstance = instance;
		faults.jobFailures.set(1);
		java.time.Instant before = java.time.Instant.now();

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(lapse.getId()))
			.satisfies(failure -> assertThat(TransientFailures.isTransient(failure)).isTrue());

		Job failed = management.createJobQuery().jobId(lapse.getId()).singleResult();
		assertThat(failed.getRetries()).as("5 more tries, one for each interval of failed-job-retry-time-cycle")
			.isEqualTo(5);
		assertThat(failed.getDuedate().toInstant()).as("tried again in 10 s, not at once")
			.isAfter(before.plusSeconds(8));
		assertThat(failed.getExceptionMessage()).contains("PreparedStatementCallback");
		assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();

		// the next try succeeds: the pledge lapses once
		management.executeJob(lapse.getId());
		assertThat(management.createJobQuery().jobId(lapse.getId()).count()).isZero();
		assertThat(fixtures.step("GET", "/api/pledges/" + id, "officerCpcjd", null, 200).path("status").asText())
			.isEqualTo("LAPSED");
	}

	@Test
	void workThatCommittedBeforeItFailedIsNotRunAgain() {
		jdbc.sql("CREATE TABLE IF NOT EXISTS retry_probe (id INT PRIMARY KEY, n INT NOT NULL)").update();
		jdbc.sql("DELETE FROM retry_probe").update();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		AtomicInteger attempts = new AtomicInteger();

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> retry.run(() -> {
			attempts.incrementAndGet();
			transaction.executeWithoutResult(status -> jdbc.sql("INSERT INTO retry_probe (id, n) VALUES (?, 1)")
				.param(attempts.get())
				.update());
			// a second transaction of the same work loses: running it all again would insert twice
			return transaction.execute(status -> {
				throw new CannotAcquireLockException("second transaction", new SQLTransactionRollbackException(
						"Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
			});
		})).isInstanceOf(CannotAcquireLockException.class);

		assertThat(attempts.get()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM retry_probe").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aBrokenConnectionAtCommitIsNotRunAgainButOneBeforeCommitIs() throws Throwable {
		// the transaction manager as Boot makes it, whose COMMIT meets what Connector/J throws when the link
		// breaks (SQLState 08S01), translated as JdbcTransactionManager translates it
		JdbcTransactionManager linkBreaksAtCommit = new JdbcTransactionManager(dataSource) {
			@Override
			protected void doCommit(DefaultTransactionStatus status) {
				throw translateException("JDBC commit", new SQLRecoverableException("Communications link failure", "08S01"));
			}
		};
		linkBreaksAtCommit.addListener(retry);
		TransactionTemplate transaction = new TransactionTemplate(linkBreaksAtCommit);
		AtomicInteger attempts = new AtomicInteger();

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> retry.run(() -> {
			attempts.incrementAndGet();
			return transaction.execute(status -> jdbc.sql("SELECT 1").query(Integer.class).single());
		})).satisfies(failure -> assertThat(TransientFailures.isTransient(failure)).as(failure.toString()).isTrue());
		assertThat(attempts.get()).as("the outcome is unknown: not run again").isEqualTo(1);

		// the same broken link at a statement, before any COMMIT: the transaction rolled back, so it runs again
		JdbcTransactionManager linkBreaksAtStatement = new JdbcTransactionManager(dataSource);
		linkBreaksAtStatement.addListener(retry);
		TransactionTemplate statement = new TransactionTemplate(linkBreaksAtStatement);
		attempts.set(0);
		Object done = retry.run(() -> statement.execute(status -> {
			if (attempts.incrementAndGet() == 1) {
				throw linkBreaksAtStatement.getExceptionTranslator()
					.translate("SELECT", "SELECT 1", new SQLRecoverableException("Communications link failure", "08S01"));
			}
			return "done";
		}));
		assertThat(done).isEqualTo("done");
		assertThat(attempts.get()).isEqualTo(2);
	}

	@Test
	void aBrokenConnectionAtCommitIsRunAgainWhenTheTransactionWasReadOnlyOrTheWorkIsRepeatable() throws Throwable {
		// the link breaks at the first COMMIT only, after the commit reached the database (the worst case)
		AtomicInteger commits = new AtomicInteger();
		JdbcTransactionManager linkBreaksAtFirstCommit = new JdbcTransactionManager(dataSource) {
			@Override
			protected void doCommit(DefaultTransactionStatus status) {
				super.doCommit(status);
				if (commits.incrementAndGet() == 1) {
					throw translateException("JDBC commit", new SQLRecoverableException("Communications link failure", "08S01"));
				}
			}
		};
		linkBreaksAtFirstCommit.addListener(retry);
		AtomicInteger attempts = new AtomicInteger();

		// a read-only transaction changed nothing, whether its COMMIT landed or not
		TransactionTemplate readOnly = new TransactionTemplate(linkBreaksAtFirstCommit);
		readOnly.setReadOnly(true);
		Integer read = retry.run(() -> {
			attempts.incrementAndGet();
			return readOnly.execute(status -> jdbc.sql("SELECT 1").query(Integer.class).single());
		});
		assertThat(read).isEqualTo(1);
		assertThat(attempts.get()).isEqualTo(2);

		// a writing transaction is not run again by run() (the previous test), but is by runRepeatable()
		jdbc.sql("CREATE TABLE IF NOT EXISTS retry_probe (id INT PRIMARY KEY, n INT NOT NULL)").update();
		commits.set(0);
		attempts.set(0);
		TransactionTemplate writing = new TransactionTemplate(linkBreaksAtFirstCommit);
		Object done = retry.runRepeatable(() -> {
			attempts.incrementAndGet();
			return writing.execute(status -> jdbc.sql("UPDATE retry_probe SET n = 0").update());
		});
		assertThat(done).isNotNull();
		assertThat(attempts.get()).isEqualTo(2);
	}

	@Test
	void aRealDeadlockIsRecognisedAndTheLoserIsRunAgain() throws Exception {
		jdbc.sql("CREATE TABLE IF NOT EXISTS retry_probe (id INT PRIMARY KEY, n INT NOT NULL)").update();
		jdbc.sql("DELETE FROM retry_probe").update();
		jdbc.sql("INSERT INTO retry_probe (id, n) VALUES (1, 0), (2, 0)").update();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		CyclicBarrier bothLockedOne = new CyclicBarrier(2);
		List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger attempts = new AtomicInteger();

		// each locks one row, waits until the other has locked the other row, then wants it too
		CompletableFuture<?> forward = CompletableFuture.runAsync(() -> lockBoth(transaction, 1, 2, bothLockedOne, failures, attempts));
		CompletableFuture<?> backward = CompletableFuture.runAsync(() -> lockBoth(transaction, 2, 1, bothLockedOne, failures, attempts));
		CompletableFuture.allOf(forward, backward).get(60, TimeUnit.SECONDS);

		assertThat(failures).as("the database chose a loser").isNotEmpty();
		assertThat(failures).allSatisfy(failure -> assertThat(TransientFailures.isTransient(failure)).as(failure.toString()).isTrue());
		if (TestDatabaseIsMariaDb.check(jdbc)) {
			assertThat(TransientFailures.describe(failures.get(0))).isEqualTo("SQLState 40001, error 1213");
		}
		assertThat(attempts.get()).isEqualTo(2 + failures.size());
		assertThat(jdbc.sql("SELECT SUM(n) FROM retry_probe").query(Long.class).single())
			.as("each transaction counted once in each row").isEqualTo(4);
	}

	private void lockBoth(TransactionTemplate transaction, int first, int second, CyclicBarrier barrier,
			List<Throwable> failures, AtomicInteger attempts) {
		try {
			retry.run(() -> {
				try {
					return transaction.execute(status -> {
						boolean firstAttempt = attempts.incrementAndGet() <= 2;
						jdbc.sql("UPDATE retry_probe SET n = n + 1 WHERE id = ?").param(first).update();
						if (firstAttempt) {
							await(barrier);
						}
						jdbc.sql("UPDATE retry_probe SET n = n + 1 WHERE id = ?").param(second).update();
						return null;
					});
				}
				catch (RuntimeException e) {
					failures.add(e);
					throw e;
				}
			});
		}
		catch (Throwable e) {
			throw new AssertionError("the transaction failed after its retries", e);
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The deadlock's exact code is the driver's; H2 reports a lock timeout or its own deadlock instead. */
	private static final class TestDatabaseIsMariaDb {

		static boolean check(JdbcClient jdbc) {
			return jdbc.sql("SELECT 1").query((rs, row) -> rs.getStatement().getConnection().getMetaData().getDatabaseProductName())
				.single()
				.matches("(?i).*(maria|mysql).*");
		}

	}

}
