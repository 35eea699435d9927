package org.coopflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import com.mysql.cj.exceptions.StatementIsClosedException;
import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures coopflow runs again or answers 503 for, rather than 500. */
class TransientFailuresTests {

	@Test
	void aRollbackThatFailsOnTheConnectionTheStatementLostIsTransient() {
		// as seen when a Galera node died mid-request: the statement lost its connection, then the
		// rollback found it closed, and Spring threw the rollback's failure with the first one kept beside it
		var lost = new UncategorizedSQLException("UPDATE programme", "UPDATE programme SET status = ?",
				new SQLNonTransientConnectionException("Communications link failure", "08S01"));
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		rollback.initApplicationException(lost);

		assertThat(TransientFailures.isTransient(rollback)).isTrue();
		assertThat(TransientFailures.describe(rollback)).isEqualTo("SQLState 08S01, error 0");
	}

	@Test
	void aStatementClosedByAConnectionFailoverIsABrokenConnection() {
		// as seen in the fault test's CI run of 60f2fcf: Galera node 1 died, Connector/J's failover proxy moved
		// the connection to node 2 and closed the statements prepared on node 1; the rollback then succeeded on
		// the new connection, so nothing else in the chain said "connection"
		var closed = new SQLException("No operations allowed after statement closed.", "S1009", 0,
				new StatementIsClosedException("No operations allowed after statement closed."));
		var engine = new ProcessEngineException("ENGINE-03083 Unexpected exception while executing database operations",
				closed);

		assertThat(TransientFailures.isTransient(engine)).isTrue();
		assertThat(TransientFailures.isConnectionFailure(engine)).isTrue();
		assertThat(TransientFailures.describe(engine)).isEqualTo("statement closed by a connection failover");
		// the same SQLState for a plain mistake stays a failure
		assertThat(TransientFailures.isTransient(new SQLException("Illegal argument", "S1009"))).isFalse();
	}

	@Test
	void aRollbackThatFailsAfterAMistakeIsNotTransient() {
		var mistake = new DataIntegrityViolationException("duplicate title");
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		rollback.initApplicationException(mistake);

		assertThat(TransientFailures.isTransient(rollback)).isFalse();
		assertThat(TransientFailures.isTransient(new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed")))).isFalse();
	}

	/**
	 * As seen in the fault test at a Galera kill: a statement broke the link (SQLState 08S01), something
	 * swallowed that, and the transaction's next statement met the connection HikariCP had already evicted
	 * and closed: "Connection is closed", with no SQLState at all. The real pool's exception, not a copy.
	 */
	@Test
	void aConnectionThePoolClosedAfterItBrokeIsABrokenConnectionButAMistakeBeforeItStaysAMistake() throws SQLException {
		SQLException closed;
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl("jdbc:h2:mem:closed-by-the-pool");
			Connection connection = pool.getConnection();
			connection.close();
			try {
				connection.prepareStatement("SELECT 1");
				throw new AssertionError("a closed connection prepared a statement");
			}
			catch (SQLException e) {
				closed = e;
			}
		}
		assertThat(closed.getSQLState()).as("nothing in it says connection but where it was thrown").isNull();
		var engine = new ProcessEngineException("An exception occurred in the persistence layer", closed);

		assertThat(TransientFailures.isTransient(engine)).isTrue();
		assertThat(TransientFailures.isConnectionFailure(engine)).isTrue();
		assertThat(TransientFailures.describe(engine)).isEqualTo("connection closed by the pool after it broke");

		// the rollback after a real mistake may meet the closed connection too: the mistake decides
		var rollback = new TransactionSystemException("JDBC rollback failed", closed);
		rollback.initApplicationException(new DataIntegrityViolationException("duplicate title"));
		assertThat(TransientFailures.isTransient(rollback)).isFalse();
		// and the rollback after the statement that met it
		var afterClosed = new TransactionSystemException("JDBC rollback failed", closed);
		afterClosed.initApplicationException(engine);
		assertThat(TransientFailures.isTransient(afterClosed)).isTrue();
	}

}
