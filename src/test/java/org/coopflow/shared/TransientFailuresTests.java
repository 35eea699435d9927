package org.coopflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

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
	void aRollbackThatFailsAfterAMistakeIsNotTransient() {
		var mistake = new DataIntegrityViolationException("duplicate title");
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		rollback.initApplicationException(mistake);

		assertThat(TransientFailures.isTransient(rollback)).isFalse();
		assertThat(TransientFailures.isTransient(new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed")))).isFalse();
	}

}
