package org.coopflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two people's changes at the same moment, made to meet on the rows the first one holds. */
public final class TestRaces {

	private TestRaces() {
	}

	/**
	 * Runs {@code first} in a transaction and, while it holds what it locked, starts {@code second} on a thread of its
	 * own, gives it half a second to reach those rows, then commits the first. Were the second slower, it would simply
	 * find the first committed, and a test could not fail for that reason.
	 *
	 * @param secondWaits whether the second must still be waiting when the first commits (asserted before the commit)
	 * @return the second's outcome, once the first has committed
	 */
	public static <T> Future<T> whileTheFirstHoldsItsRows(PlatformTransactionManager transactions, Runnable first,
			Callable<T> second, boolean secondWaits) {
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			return new TransactionTemplate(transactions).execute(transaction -> {
				first.run();
				Future<T> waiting = other.submit(second);
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				if (secondWaits) {
					assertThat(waiting).as("waits for the first to commit").isNotDone();
				}
				return waiting;
			});
		}
		finally {
			// the second runs to its end; nothing new is taken
			other.shutdown();
		}
	}

}
