package org.coopflow.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs one unit of work (a transaction that coopflow or the engine opens when none is open yet) again,
 * a few times with a short random back-off, when it failed transiently ({@link TransientFailures}) and
 * running it again cannot double anything: every attempt is one transaction that rolled back, and no
 * other transaction committed during the attempt (which would not be rolled back). A broken connection
 * during COMMIT is not retried either, because the commit may have reached the database, unless running
 * it twice is harmless: the transaction was read-only, or the work says so ({@link #runRepeatable}).
 *
 * <p>It is also the {@link TransactionExecutionListener} that the transaction manager tells of every
 * commit, which is how an attempt learns whether something committed while it ran.
 */
public class TransientRetry implements TransactionExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(TransientRetry.class);

	private static final String COMMITS = "coopflow.commitsBefore";

	private static final String NOT_SAFE = "coopflow.notSafeToRetry";

	private static final String REPEATABLE = "coopflow.repeatable";

	/** Commits completed on this thread, and the last commit that failed (cleared when read). */
	private final ThreadLocal<long[]> commits = ThreadLocal.withInitial(() -> new long[1]);

	/**
	 * A COMMIT is under way on this thread (set before it, cleared after it succeeded or failed): whether its
	 * transaction was read-only.
	 */
	private final ThreadLocal<Boolean> committing = new ThreadLocal<>();

	/**
	 * A COMMIT of a transaction that may have written failed on this thread during the current attempt
	 * (cleared when an attempt starts). A read-only transaction's failed COMMIT does not count: whether it
	 * reached the database or not, it changed nothing.
	 */
	private final ThreadLocal<Boolean> commitFailed = new ThreadLocal<>();

	private final RetryTemplate template;

	private final int maxAttempts;

	/**
	 * @param maxAttempts attempts in all, the first included
	 * @param firstPause the mean pause before the second attempt; each further pause doubles, up to
	 * {@code maxPause}, and is drawn at random between the pause and twice it so that two transactions
	 * that deadlocked each other do not meet again
	 */
	public TransientRetry(int maxAttempts, Duration firstPause, Duration maxPause) {
		this.maxAttempts = maxAttempts;
		ExponentialRandomBackOffPolicy backOff = new ExponentialRandomBackOffPolicy();
		backOff.setInitialInterval(firstPause.toMillis());
		backOff.setMultiplier(2);
		backOff.setMaxInterval(maxPause.toMillis());
		this.template = new RetryTemplate();
		this.template.setBackOffPolicy(backOff);
		this.template.setRetryPolicy(new SafeRetryPolicy(maxAttempts));
		this.template.registerListener(new RetryListener() {
			@Override
			public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback,
					Throwable failure) {
				if (context.getAttribute(NOT_SAFE) == null && TransientFailures.isTransient(failure)
						&& context.getRetryCount() < maxAttempts) {
					log.info("Transient database conflict ({}); running the transaction again (attempt {} of {})",
							TransientFailures.describe(failure), context.getRetryCount() + 1, maxAttempts);
				}
			}
		});
	}

	public int maxAttempts() {
		return maxAttempts;
	}

	/** One attempt of the work, which may throw anything. */
	@FunctionalInterface
	public interface Attempt<T> {

		T run() throws Throwable;

	}

	/** Runs the work, again after a transient failure where that is safe; otherwise its failure as it was. */
	public <T> T run(Attempt<T> work) throws Throwable {
		return run(work, false);
	}

	/**
	 * Runs work whose every transaction may run twice without harm (each statement sets values rather than
	 * adding to them, or meets a duplicate key the caller expects): like {@link #run}, and also again after a
	 * broken connection during COMMIT, when nobody knows whether the commit reached the database. Spring
	 * Session's reads and writes are such work (security's {@code SessionStore}).
	 */
	public <T> T runRepeatable(Attempt<T> work) throws Throwable {
		return run(work, true);
	}

	private <T> T run(Attempt<T> work, boolean repeatable) throws Throwable {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// the work joins a transaction it cannot roll back alone: the one that opened it is retried
			return work.run();
		}
		return template.execute(context -> {
			if (repeatable) {
				context.setAttribute(REPEATABLE, Boolean.TRUE);
			}
			context.setAttribute(COMMITS, commits.get()[0]);
			commitFailed.remove();
			try {
				return work.run();
			}
			catch (Throwable failure) {
				if (!safeToRetry(context, failure)) {
					context.setAttribute(NOT_SAFE, Boolean.TRUE);
				}
				throw failure;
			}
		});
	}

	private boolean safeToRetry(RetryContext context, Throwable failure) {
		if (!TransientFailures.isTransient(failure)) {
			return false;
		}
		if (commits.get()[0] != (long) context.getAttribute(COMMITS)) {
			log.warn("Transient failure ({}) after another transaction of the same work committed; not retried",
					TransientFailures.describe(failure));
			return false;
		}
		boolean atCommit = Boolean.TRUE.equals(commitFailed.get());
		commitFailed.remove();
		if (atCommit && TransientFailures.isConnectionFailure(failure) && context.getAttribute(REPEATABLE) == null) {
			// a deadlock or certification failure at COMMIT did roll back; a broken link may have committed
			log.warn("The connection broke during COMMIT ({}); whether it committed is unknown, so it is not retried",
					TransientFailures.describe(failure));
			return false;
		}
		return true;
	}

	@Override
	public void beforeCommit(TransactionExecution transaction) {
		committing.set(transaction.isReadOnly());
	}

	@Override
	public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
		Boolean readOnly = committing.get();
		committing.remove();
		if (commitFailure == null) {
			commits.get()[0]++;
		}
		else if (!Boolean.TRUE.equals(readOnly)) {
			commitFailed.set(Boolean.TRUE);
		}
	}

	/**
	 * JdbcTransactionManager reports a COMMIT that threw (a translated SQLException) as a rollback after
	 * {@link #beforeCommit}, not as a failed commit.
	 */
	@Override
	public void afterRollback(TransactionExecution transaction, Throwable rollbackFailure) {
		Boolean readOnly = committing.get();
		if (readOnly != null) {
			committing.remove();
			if (!readOnly) {
				commitFailed.set(Boolean.TRUE);
			}
		}
	}

	/** Retries a transient failure while attempts are left and the attempt said it is safe. */
	private static final class SafeRetryPolicy extends SimpleRetryPolicy {

		SafeRetryPolicy(int maxAttempts) {
			super(maxAttempts);
		}

		@Override
		public boolean canRetry(RetryContext context) {
			Throwable failure = context.getLastThrowable();
			return failure == null || (context.getAttribute(NOT_SAFE) == null && TransientFailures.isTransient(failure)
					&& context.getRetryCount() < getMaxAttempts());
		}

	}

}
