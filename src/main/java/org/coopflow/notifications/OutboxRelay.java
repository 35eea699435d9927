package org.coopflow.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers queued mail. Each row is claimed with a conditional update before it is sent, so that two
 * coopflow instances never send the same row at the same time; a claim older than the claim timeout
 * ({@code coopflow.notifications.claim-timeout}, 5 minutes) is taken over, which covers an instance
 * that died between claiming a row and marking it sent.
 * <p>
 * What this guarantees: a committed mail is handed to the SMTP server at least once (unless it fails
 * {@value #MAX_ATTEMPTS} times; it then stays in the table with its last error), and normally exactly
 * once. It can go out twice when the SMTP server accepted it but the relay never learnt so, or never
 * recorded it: a crash between the send and the update that marks the row sent, or a database that
 * stays unreachable through that update's retries (the claim then goes stale and another round sends it
 * again; a lost connection alone is retried on a fresh one), or an SMTP connection that breaks
 * after the server took the message but before it answered (counted as a failed attempt and retried).
 * That is the price of never losing a mail; SMTP offers no way to ask whether a message already
 * arrived. A rolled-back change queues nothing; a crash after the commit and before the relay ran
 * sends the mail once, after the restart.
 * <p>
 * A claim is stamped when it is taken, not when the round began, and the SMTP timeouts in
 * application.yaml are far shorter than the claim timeout, so that no other instance takes over a
 * row while it is still being sent. Without {@code spring.mail.host} mail is written to the log instead.
 * <p>
 * Each mail carries a {@code Message-ID} made from its outbox row ({@code <outbox-<id>@coopflow>}) and
 * the event key in {@code X-Coopflow-Event}, both the same on every attempt: a mail sent twice in the
 * case above is recognisable as one (mail clients and the fault test, ops/fault-test.sh, count by it).
 */
@Component
class OutboxRelay {

	static final int MAX_ATTEMPTS = 10;

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final String from;

	private final Duration claimTimeout;

	private final Clock clock;

	/** the first pause between tries at marking a sent mail sent; each next one twice as long, at most 8 times */
	private final Duration firstMarkSentPause;

	@Autowired
	OutboxRelay(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender,
			@Value("${coopflow.notifications.from:coopflow@localhost}") String from,
			@Value("${coopflow.notifications.claim-timeout:PT5M}") Duration claimTimeout) {
		// wall time, not the engine's clock (the Clock bean): a claim times out between instances in real
		// minutes, and a demo load that moves the engine's clock back would make fresh claims look stale
		this(jdbc, mailSender, from, claimTimeout, Clock.systemUTC(), Duration.ofMillis(500));
	}

	OutboxRelay(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, String from, Duration claimTimeout,
			Clock clock, Duration firstMarkSentPause) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.from = from;
		this.claimTimeout = claimTimeout;
		this.clock = clock;
		this.firstMarkSentPause = firstMarkSentPause;
	}

	Duration claimTimeout() {
		return claimTimeout;
	}

	record Pending(long id, String eventKey, String recipient, String subject, String body, int attempts) {
	}

	/** The same for every attempt at one outbox row, so that a repeated delivery is recognisable. */
	static String messageId(long outboxId) {
		return "<outbox-" + outboxId + "@coopflow>";
	}

	@Scheduled(fixedDelayString = "${coopflow.notifications.poll-interval:PT5S}",
			initialDelayString = "${coopflow.notifications.poll-interval:PT5S}")
	void poll() {
		relayPending();
	}

	/** @return how many mails were delivered (or logged) in this round */
	int relayPending() {
		Instant now = clock.instant();
		List<Pending> pending = jdbc.sql("""
				SELECT id, event_key, recipient, subject, body, attempts FROM notification_outbox
				WHERE sent_at IS NULL AND attempts < ? AND (claimed_at IS NULL OR claimed_at < ?)
				ORDER BY id""")
			.params(MAX_ATTEMPTS, Timestamp.from(now.minus(claimTimeout)))
			.query(Pending.class)
			.list();
		int delivered = 0;
		for (Pending mail : pending) {
			Instant claimed = claim(mail.id());
			if (claimed != null && deliver(mail, claimed)) {
				delivered++;
			}
		}
		return delivered;
	}

	/** @return when the row was claimed, or null when it was not (another instance has it, or sent it) */
	private Instant claim(long id) {
		// the time of the claim, not of the round's start: a long round must not hand out claims that
		// another instance already considers stale
		Instant now = clock.instant();
		try {
			return jdbc.sql("""
					UPDATE notification_outbox SET claimed_at = ?
					WHERE id = ? AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < ?)""")
				.params(Timestamp.from(now), id, Timestamp.from(now.minus(claimTimeout)))
				.update() == 1 ? now : null;
		}
		catch (TransientDataAccessException e) {
			// with two nodes relaying, MariaDB may pick this claim as a deadlock's victim (seen in
			// OneServiceOnTwoNodesTests): it was rolled back, so the row is not ours; the other node sends
			// it, or a later round does. The rest of this round goes on.
			log.debug("Mail {} not claimed this round: {}", id, e.getMessage());
			return null;
		}
	}

	private boolean deliver(Pending mail, Instant claimed) {
		try {
			JavaMailSender sender = mailSender.getIfAvailable();
			if (sender == null) {
				log.info("Mail (no SMTP server configured) to {}: {}\n{}", mail.recipient(), mail.subject(), mail.body());
			}
			else {
				sender.send(message -> {
					MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
					helper.setFrom(from);
					helper.setTo(mail.recipient());
					helper.setSubject(mail.subject());
					helper.setText(mail.body());
					// JavaMailSenderImpl keeps a Message-ID set before sending (JavaMail would make a new one)
					message.setHeader("Message-ID", messageId(mail.id()));
					message.setHeader("X-Coopflow-Event", mail.eventKey());
				});
			}
			markSent(mail.id(), claimed);
			return true;
		}
		catch (MailException e) {
			log.warn("Could not send mail {} to {} (attempt {}): {}", mail.id(), mail.recipient(), mail.attempts() + 1,
					e.getMessage());
			String error = String.valueOf(e.getMessage());
			jdbc.sql("""
					UPDATE notification_outbox SET claimed_at = NULL, attempts = attempts + 1, last_error = ?
					WHERE id = ?""")
				.params(error.length() > 1000 ? error.substring(0, 1000) : error, mail.id())
				.update();
			return false;
		}
	}

	/**
	 * Records the mail as sent, trying again when the database connection was lost: the SMTP server
	 * already has the mail, and a row left claimed would be sent a second time once its claim goes
	 * stale. A lost connection (a database node that died, a failover) is replaced by a fresh one from
	 * the pool, which goes to a node that answers; a pool that could not hand one out, or a connection the
	 * driver already closed, is tried again the same way, and so is a lock conflict with the other node's
	 * relay (a deadlock's victim is rolled back). It tries until half the claim timeout has passed since the
	 * claim (each pause cut to the time left): long enough for a Galera cluster to evict a dead node (a CI
	 * run of the fault test once sent a mail twice at a Galera node's kill; the ~3 s of the four tries
	 * before this was most likely why), and a try begun then normally ends long before another instance
	 * may take the row over.
	 * Each try itself is bounded by the pool's wait for a connection and the driver's timeouts only. What
	 * remains is a crash of this instance, or a database that does not answer for that long. The update
	 * leaves a row already marked alone, so a try whose commit landed but whose answer was lost changes
	 * nothing when it runs again.
	 */
	private void markSent(long id, Instant claimed) {
		Instant giveUp = claimed.plus(claimTimeout.dividedBy(2));
		long pause = firstMarkSentPause.toMillis();
		for (int attempt = 1;; attempt++) {
			try {
				jdbc.sql("""
						UPDATE notification_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL
						WHERE id = ? AND sent_at IS NULL""")
					.params(Timestamp.from(clock.instant()), id)
					.update();
				return;
			}
			catch (RecoverableDataAccessException | TransientDataAccessException | DataAccessResourceFailureException e) {
				Duration left = Duration.between(clock.instant(), giveUp);
				if (left.isNegative() || left.isZero()) {
					throw e;
				}
				log.warn("Mail {} was sent but could not be marked sent (attempt {}), trying again: {}", id, attempt,
						e.getMessage());
				try {
					Thread.sleep(Math.min(pause, left.toMillis()));
				}
				catch (InterruptedException interrupted) {
					// shutting down: the claim goes stale and another round sends the mail again
					Thread.currentThread().interrupt();
					throw e;
				}
				pause = Math.min(pause * 2, firstMarkSentPause.toMillis() * 8);
			}
		}
	}

}
