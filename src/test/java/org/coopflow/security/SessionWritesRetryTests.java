package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.coopflow.CoopflowTest;
import org.coopflow.shared.TransientRetry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.DefaultTransactionStatus;
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

	@Autowired
	TransientRetry retry;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes;

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

	/**
	 * The worst case at a node's death: a new session's INSERT reached the database, then the link broke
	 * during COMMIT. The save runs again, meets its own row as a duplicate key, and counts as done; a read
	 * whose COMMIT broke runs again too. Through Spring Session's own repository and SQL.
	 */
	@Test
	void aSessionSaveOrReadWhoseCommitBrokeRunsAgainAndTheSessionIsThereOnce() {
		AtomicInteger commits = new AtomicInteger();
		AtomicInteger breakAt = new AtomicInteger(1);
		JdbcTransactionManager linkBreaksAfterCommit = new JdbcTransactionManager(dataSource) {
			@Override
			protected void doCommit(DefaultTransactionStatus status) {
				super.doCommit(status);
				if (commits.incrementAndGet() == breakAt.get()) {
					throw translateException("JDBC commit", new SQLRecoverableException("Communications link failure", "08S01"));
				}
			}
		};
		linkBreaksAfterCommit.addListener(retry);
		TransactionOperations operations = new SessionStore().springSessionTransactionOperations(linkBreaksAfterCommit,
				retry);
		JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				operations);
		upsertSessionAttributes.customize(repository);
		// as Spring Session's filter sees it (the repository's own session type is not public)
		@SuppressWarnings({ "unchecked", "rawtypes" })
		SessionRepository<Session> store = (SessionRepository) repository;

		Session session = store.createSession();
		session.setAttribute("signedIn", "donorNorway");
		store.save(session);

		assertThat(commits).as("the first commit broke, the second attempt met the row and rolled back").hasValue(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?").param(session.getId())
			.query(Long.class).single()).isEqualTo(1);

		commits.set(0);
		breakAt.set(1);
		Session read = store.findById(session.getId());
		assertThat(read).isNotNull();
		assertThat((String) read.getAttribute("signedIn")).isEqualTo("donorNorway");
		assertThat(commits).as("the read ran twice").hasValue(2);
		store.deleteById(session.getId());
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
