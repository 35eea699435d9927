package org.coopflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;

import org.coopflow.CoopflowTest;
import org.coopflow.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real database and a real SMTP server (GreenMail): mail leaves only after the
 * change commits, once per event and recipient, and a mail queued while nothing relayed goes out later;
 * a row another instance is sending is left to it, however long its round takes.
 */
@CoopflowTest
class NotificationOutboxTests {

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxRelay relay;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JavaMailSenderImpl mailSender;

	@Autowired
	DataSource dataSource;

	static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

	private static List<MimeMessage> received(String subject) {
		return Arrays.stream(TestMailServer.get().getReceivedMessages()).filter(message -> {
			try {
				return message.getSubject().equals(subject);
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	@Test
	void aRolledBackChangeSendsNothing() {
		String subject = "Rolled back " + UUID.randomUUID();
		transaction.executeWithoutResult(status -> {
			notifications.enqueue("test:" + subject, "someone@example.org", subject, "never sent");
			status.setRollbackOnly();
		});
		relay.relayPending();
		assertThat(received(subject)).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE subject = ?").param(subject)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aCommittedChangeIsMailedOnceEvenWhenReportedTwice() throws Exception {
		String subject = "Committed " + UUID.randomUUID();
		String key = "test:" + subject;
		transaction.executeWithoutResult(status -> {
			assertThat(notifications.enqueue(key, "donor.norway@example.org", subject, "Your pledge was recorded ✅")).isTrue();
			assertThat(notifications.enqueue(key, "donor.norway@example.org", subject, "again")).isFalse();
		});
		transaction.executeWithoutResult(status -> assertThat(
				notifications.enqueue(key, "donor.norway@example.org", subject, "and again")).isFalse());

		assertThat(relay.relayPending()).isPositive();
		relay.relayPending();

		List<MimeMessage> messages = received(subject);
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0).getAllRecipients()[0].toString()).isEqualTo("donor.norway@example.org");
		assertThat(GreenMailUtil.getBody(messages.get(0))).contains("Your pledge was recorded");
		long outboxId = jdbc.sql("SELECT id FROM notification_outbox WHERE event_key = ?").param(key)
			.query(Long.class).single();
		// the same on every attempt: a mail that went out twice (docs/operations.md) is recognisably one
		assertThat(messages.get(0).getMessageID()).isEqualTo("<outbox-" + outboxId + "@coopflow>");
		assertThat(messages.get(0).getHeader("X-Coopflow-Event")).containsExactly(key);
		assertThat(jdbc.sql("SELECT sent_at FROM notification_outbox WHERE event_key = ?").param(key)
			.query(java.sql.Timestamp.class).single()).isNotNull();
	}

	@Test
	void mailQueuedWhileNothingRelayedGoesOutLater() {
		String subject = "Later " + UUID.randomUUID();
		// as after a crash right after the commit: queued, claimed by an instance that died, never sent
		transaction.executeWithoutResult(status -> notifications.enqueue("test:" + subject, "officer@example.org",
				subject, "sent by the next relay round"));
		jdbc.sql("UPDATE notification_outbox SET claimed_at = ? WHERE subject = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minus(relay.claimTimeout()).minusSeconds(60)),
					subject)
			.update();

		relay.relayPending();

		assertThat(received(subject)).hasSize(1);
	}

	@Test
	void aLongRoundStampsEachClaimWhenItIsTakenSoThatNoOtherInstanceSendsItToo() {
		String first = "Long round first " + UUID.randomUUID();
		String second = "Long round second " + UUID.randomUUID();
		transaction.executeWithoutResult(status -> {
			notifications.enqueue("test:" + first, "officer@example.org", first, "slow to send");
			notifications.enqueue("test:" + second, "officer@example.org", second, "sent while the other waits");
		});
		MovableClock clock = new MovableClock(Instant.now());
		List<String> sent = new ArrayList<>();
		OutboxRelay[] otherInstance = new OutboxRelay[1];
		// every send takes longer than the claim timeout; while this instance sends the second mail,
		// another instance polls the outbox
		JavaMailSenderImpl slowSmtp = new JavaMailSenderImpl() {
			@Override
			public void send(MimeMessage... messages) {
				for (MimeMessage message : messages) {
					String subject;
					try {
						subject = message.getSubject();
					}
					catch (jakarta.mail.MessagingException e) {
						throw new IllegalStateException(e);
					}
					sent.add(subject);
					if (second.equals(subject) && otherInstance[0] != null) {
						OutboxRelay other = otherInstance[0];
						otherInstance[0] = null;
						other.relayPending();
					}
					clock.advance(relay.claimTimeout().plusMinutes(1));
				}
			}
		};
		ObjectProvider<JavaMailSender> smtp = smtpOf(slowSmtp);
		otherInstance[0] = new OutboxRelay(jdbc, smtp, "coopflow@localhost", relay.claimTimeout(), clock, Duration.ofMillis(500));

		new OutboxRelay(jdbc, smtp, "coopflow@localhost", relay.claimTimeout(), clock, Duration.ofMillis(500)).relayPending();

		assertThat(sent).containsOnlyOnce(first, second);
	}

	@Test
	void smtpGivesUpLongBeforeAClaimGoesStale() {
		Properties smtp = mailSender.getJavaMailProperties();
		for (String timeout : List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout")) {
			assertThat(Duration.ofMillis(Long.parseLong(smtp.getProperty(timeout)))).as(timeout)
				.isPositive()
				.isLessThan(relay.claimTimeout().dividedBy(5));
		}
	}

	@Test
	void aFreshClaimOfAnotherInstanceIsLeftAlone() {
		String subject = "Claimed " + UUID.randomUUID();
		transaction.executeWithoutResult(status -> notifications.enqueue("test:" + subject, "officer@example.org",
				subject, "another instance is sending this"));
		jdbc.sql("UPDATE notification_outbox SET claimed_at = ? WHERE subject = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now()), subject)
			.update();

		relay.relayPending();

		assertThat(received(subject)).isEmpty();
	}

	@Test
	void aMailSentWhileTheDatabaseIsUnreachableIsMarkedSentOnceItAnswersAndNotSentAgain() {
		String subject = "Connection lost " + UUID.randomUUID();
		transaction.executeWithoutResult(status -> notifications.enqueue("test:" + subject, "officer@example.org",
				subject, "sent once although the mark-sent update fails for a while"));
		// the database node dies between the SMTP server's answer and the update that marks the row sent, as
		// the fault test saw on Galera (ops/fault-test.sh): the update fails with a lost connection, then with
		// pooled connections already closed, for more tries than the four that once ran out there
		AtomicInteger failures = new AtomicInteger();
		OutboxRelay relayOnDyingDatabase = new OutboxRelay(JdbcClient.create(failingMarkSent(failures, 7)),
				smtpOf(mailSender), "coopflow@localhost", relay.claimTimeout(), Clock.systemUTC(), Duration.ofMillis(10));

		relayOnDyingDatabase.relayPending();
		assertThat(failures).as("the mark-sent update failed seven times").hasValue(7);
		// a later round, here or on another instance, finds nothing left to send
		relay.relayPending();

		assertThat(received(subject)).hasSize(1);
		assertThat(jdbc.sql("SELECT sent_at FROM notification_outbox WHERE subject = ?").param(subject)
			.query(java.sql.Timestamp.class).single()).isNotNull();
	}

	@Test
	void aRelayStopsTryingToMarkAMailSentWellBeforeItsClaimGoesStale() {
		String subject = "Database gone " + UUID.randomUUID();
		transaction.executeWithoutResult(status -> notifications.enqueue("test:" + subject, "officer@example.org",
				subject, "left claimed when the database never answers"));
		AtomicInteger failures = new AtomicInteger();
		Duration claimTimeout = Duration.ofSeconds(3);
		OutboxRelay relayOnDeadDatabase = new OutboxRelay(JdbcClient.create(failingMarkSent(failures, Integer.MAX_VALUE)),
				smtpOf(mailSender), "coopflow@localhost", claimTimeout, Clock.systemUTC(), Duration.ofMillis(10));

		// it gives up once half the claim timeout has passed since the claim (the claim goes stale and another
		// round sends the mail again: the documented window), rather than trying on while another instance may
		// already have taken the row over
		long start = System.nanoTime();
		assertThatThrownBy(relayOnDeadDatabase::relayPending).isInstanceOf(DataAccessException.class);
		Duration tried = Duration.ofNanos(System.nanoTime() - start);
		assertThat(tried).as("time spent on the mail").isGreaterThanOrEqualTo(claimTimeout.dividedBy(2).minusMillis(100))
			.isLessThan(claimTimeout);
		assertThat(failures.get()).as("tries at marking it sent").isGreaterThan(4);
		assertThat(received(subject)).hasSize(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE subject = ? AND sent_at IS NULL"
				+ " AND claimed_at IS NOT NULL").param(subject).query(Integer.class).single()).as("left claimed").isOne();
	}

	private static ObjectProvider<JavaMailSender> smtpOf(JavaMailSender sender) {
		return new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class);
	}

	/**
	 * The test database, where the update marking a mail sent fails the given number of times, in turn as a
	 * lost connection and as a pooled connection the driver already closed (Connector/J's two answers).
	 */
	private DataSource failingMarkSent(AtomicInteger failures, int times) {
		return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				(ds, dsMethod, dsArgs) -> {
					Object result = invoke(dsMethod, dataSource, dsArgs);
					if (!(result instanceof Connection connection)) {
						return result;
					}
					return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
							(c, cMethod, cArgs) -> {
								Object statement = invoke(cMethod, connection, cArgs);
								if (!(statement instanceof PreparedStatement prepared) || !String.valueOf(cArgs[0])
									.startsWith("UPDATE notification_outbox SET sent_at")) {
									return statement;
								}
								return Proxy.newProxyInstance(getClass().getClassLoader(),
										new Class<?>[] { PreparedStatement.class }, (p, pMethod, pArgs) -> {
											if (pMethod.getName().startsWith("executeUpdate") && failures.get() < times) {
												throw failures.getAndIncrement() % 2 == 0
														? new SQLRecoverableException("Communications link failure (test)", "08S01")
														: new SQLNonTransientConnectionException(
																"No operations allowed after connection closed (test)", "08003");
											}
											return invoke(pMethod, prepared, pArgs);
										});
							});
				});
	}

	private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

}
