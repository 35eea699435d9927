package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.coopflow.CoopflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A session write that meets a broken connection (a database node dying while a page is sent) is made again
 * on a fresh transaction, instead of turning a page that was already made into an error page.
 */
@CoopflowTest
class SessionWritesRetryTests {

	@Autowired
	JdbcIndexedSessionRepository sessions;

	/** The transactions the session repository was built with (Spring Session keeps them to itself). */
	private TransactionOperations sessionTransactions() {
		return (TransactionOperations) ReflectionTestUtils.getField(sessions, "transactionOperations");
	}

	@Test
	void aSessionWriteThatLostItsConnectionRunsAgainInANewTransaction() {
		AtomicInteger attempts = new AtomicInteger();
		String saved = sessionTransactions().execute(status -> {
			assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
			if (attempts.incrementAndGet() == 1) {
				throw new UncategorizedSQLException("saving the session", "UPDATE SPRING_SESSION",
						new SQLException("Communications link failure", "08S01"));
			}
			return "saved";
		});

		assertThat(saved).isEqualTo("saved");
		assertThat(attempts).hasValue(2);
	}

	@Test
	void aSessionWriteThatFailsForAnyOtherReasonIsNotRunAgain() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> sessionTransactions().execute(status -> {
			attempts.incrementAndGet();
			throw new DataIntegrityViolationException("duplicate session id");
		})).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(attempts).hasValue(1);
	}

}
