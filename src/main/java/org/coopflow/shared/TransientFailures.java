package org.coopflow.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure that a second attempt of the same transaction may well not meet (it lost to a
 * concurrent transaction, or its database node was briefly unavailable) from one that it would meet
 * again. On MariaDB Galera a transaction that loses certification against another node's commit fails
 * with error 1213 (SQLState 40001), at COMMIT or at any statement, exactly as a deadlock does; Camunda
 * reports a concurrent update of its rows as an {@link OptimisticLockingException}.
 */
public final class TransientFailures {

	/**
	 * MySQL/MariaDB error codes: 1213 deadlock or Galera certification failure, 1205 lock wait timeout,
	 * 1047 "WSREP has not yet prepared node for application use" (a Galera node that is resyncing), 1180
	 * "Got error during COMMIT", 1614 "Transaction branch was rolled back: deadlock was detected".
	 */
	private static final Set<Integer> TRANSIENT_ERROR_CODES = Set.of(1213, 1205, 1047, 1180, 1614);

	/**
	 * What Connector/J throws for a statement of a connection that failed over to another host in the middle
	 * of a transaction: the failover proxy replaced the physical connection, and the statements prepared on
	 * the dead one are closed (SQLState S1009, "No operations allowed after statement closed."). The
	 * transaction died with its node, so this is a broken connection, whatever its SQLState says. Seen in the
	 * fault test as the one 500 a Galera kill still caused (CI of 60f2fcf).
	 */
	private static final String STATEMENT_CLOSED_BY_FAILOVER = "com.mysql.cj.exceptions.StatementIsClosedException";

	/**
	 * Where HikariCP throws "Connection is closed" (no SQLState) for a connection it already closed: in a
	 * transaction, one it evicted because a statement broke the link (SQLState 08). Seen in the fault test
	 * at a Galera kill, when a listener had swallowed that first failure and the transaction's next statement
	 * met the closed connection.
	 */
	private static final String CLOSED_BY_THE_POOL = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

	private TransientFailures() {
	}

	/**
	 * Whether the failure, or any cause in its chain, is transient: an optimistic lock lost, a deadlock
	 * or serialization failure (SQLState class 40), a lock wait timeout, a Galera node not ready, or a
	 * connection that broke (SQLState class 08) or could not be had. Whether it is safe to run the work
	 * again is a separate question (nothing may have been committed): see {@code TransientRetry}.
	 */
	public static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			// a statement failed, then the rollback failed too (on the same dead connection, or one the pool
			// closed): Spring throws the rollback's failure and keeps the first one beside it. Nothing was
			// committed, and what decides is the first failure: a mistake stays a mistake, a broken link transient
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& rollback.getApplicationException() != failure) {
				return isTransient(rollback.getApplicationException());
			}
			if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof SQLTransactionRollbackException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && transientSql(sql)) {
				return true;
			}
			if (statementClosedByFailover(cause) || closedByThePool(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the failure is a broken connection (SQLState class 08, e.g. Connector/J's 08S01
	 * "Communications link failure", or a statement a failover closed). When that happens at COMMIT nobody knows whether the commit reached
	 * the database, so the work is not run again.
	 */
	public static boolean isConnectionFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
					&& sql.getErrorCode() != 1047) {
				return true;
			}
			if (cause instanceof SQLTransientConnectionException || statementClosedByFailover(cause)
					|| closedByThePool(cause)) {
				return true;
			}
		}
		return false;
	}

	private static boolean statementClosedByFailover(Throwable cause) {
		return cause.getClass().getName().equals(STATEMENT_CLOSED_BY_FAILOVER);
	}

	private static boolean closedByThePool(Throwable cause) {
		StackTraceElement[] thrownAt = cause.getStackTrace();
		return cause instanceof SQLException && thrownAt.length > 0
				&& thrownAt[0].getClassName().equals(CLOSED_BY_THE_POOL);
	}

	/** A short name for logs and answers, e.g. "SQLState 40001, error 1213" or "OptimisticLockingException". */
	public static String describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLException sql && transientSql(sql)) {
				return "SQLState " + sql.getSQLState() + ", error " + sql.getErrorCode();
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof OptimisticLockingException) {
				return cause.getClass().getSimpleName();
			}
			if (statementClosedByFailover(cause)) {
				return "statement closed by a connection failover";
			}
			if (closedByThePool(cause)) {
				return "connection closed by the pool after it broke";
			}
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& rollback.getApplicationException() != failure) {
				return describe(rollback.getApplicationException());
			}
		}
		return failure.getClass().getSimpleName();
	}

	private static boolean transientSql(SQLException sql) {
		String state = sql.getSQLState();
		return (state != null && (state.startsWith("40") || state.startsWith("08")))
				|| TRANSIENT_ERROR_CODES.contains(sql.getErrorCode());
	}

}
