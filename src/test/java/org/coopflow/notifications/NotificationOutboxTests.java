package org.coopflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;

import org.coopflow.CoopflowTest;
import org.coopflow.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real database and a real SMTP server (GreenMail): mail leaves only after the
 * change commits, once per event and recipient, and a mail queued while nothing relayed goes out later.
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
			.params(java.sql.Timestamp.from(java.time.Instant.now().minus(OutboxRelay.CLAIM_TIMEOUT).minusSeconds(60)),
					subject)
			.update();

		relay.relayPending();

		assertThat(received(subject)).hasSize(1);
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

}
