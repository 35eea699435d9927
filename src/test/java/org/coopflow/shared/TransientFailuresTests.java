package org.coopflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import com.mysql.cj.exceptions.StatementIsClosedException;

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

}
