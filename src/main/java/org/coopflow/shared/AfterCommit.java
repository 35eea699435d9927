package org.coopflow.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must see a change only once it is committed (ending sessions, forgetting what a node keeps in memory):
 * run then, or at once outside a transaction. Done any sooner, a reader in between could act on the row as it was
 * and keep that for good.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	public static void run(Runnable work) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					work.run();
				}

			});
		}
		else {
			work.run();
		}
	}

}
