package org.coopflow.notifications;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a mail in the caller's transaction. Nothing is sent until that transaction commits, and an
 * event queued twice for the same recipient (a retried job, a repeated message) is mailed once.
 */
@Service
class Notifications {

	private final JdbcClient jdbc;

	private final Clock clock;

	Notifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param eventKey what happened, unique per event, e.g. {@code task-reminder:<taskId>}
	 * @return false when this event was already queued for this recipient
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean enqueue(String eventKey, String recipient, String subject, String body) {
		// one round trip: the unique key (uk_notification_event_recipient) refuses the event queued before;
		// only that statement fails (H2 and InnoDB roll back the statement, not the transaction)
		try {
			jdbc.sql("""
					INSERT INTO notification_outbox (event_key, recipient, subject, body, created_at, attempts)
					VALUES (?, ?, ?, ?, ?, 0)""")
				.params(eventKey, recipient, truncate(subject, 300), body, Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException queuedBefore) {
			return false;
		}
		return true;
	}

	private static String truncate(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

}
