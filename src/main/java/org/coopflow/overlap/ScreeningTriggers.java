package org.coopflow.overlap;

import java.util.List;

import org.coopflow.programmes.ProgrammeChanged;
import org.coopflow.programmes.ProgrammesImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Screens programmes after an officer changed one and after an import, once that change is committed
 * and in the background, so that neither the edit nor a 10,000-row import waits for the screening.
 * (A submitted proposal is screened by its process instead, which waits for the alerts.)
 */
@Component
class ScreeningTriggers {

	private static final Logger log = LoggerFactory.getLogger(ScreeningTriggers.class);

	private final PortfolioIndex index;

	private final OverlapAlerts alerts;

	private final TaskExecutor executor;

	private final TransactionTemplate transaction;

	ScreeningTriggers(PortfolioIndex index, OverlapAlerts alerts, @Qualifier("overlapScreeningExecutor") TaskExecutor executor,
			PlatformTransactionManager transactions) {
		this.index = index;
		this.alerts = alerts;
		this.executor = executor;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener
	void on(ProgrammeChanged changed) {
		executor.execute(() -> screen(List.of(changed.programmeId())));
	}

	@TransactionalEventListener
	void on(ProgrammesImported imported) {
		executor.execute(() -> screen(imported.programmeIds()));
	}

	private void screen(List<Long> programmeIds) {
		int raised = 0;
		for (long programmeId : programmeIds) {
			try {
				raised += transaction.execute(
						status -> alerts.record(index.screen(programmeId), programmeId, index::changedSince).raised().size());
			}
			catch (RuntimeException e) {
				log.error("Screening programme {} for overlaps failed; it is screened again when it changes or is submitted",
						programmeId, e);
			}
		}
		log.info("Screened {} programme(s) for overlaps: {} new alert(s)", programmeIds.size(), raised);
	}

}
