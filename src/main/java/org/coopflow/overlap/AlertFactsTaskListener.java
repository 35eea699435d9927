package org.coopflow.overlap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Once copied the alert's facts onto each review task when it was created, where they went stale while
 * screening refreshed the alert and the programmes moved on. The forms now read them when they open
 * ({@link AlertTaskFacts}); this listener stays only while the model still names it, and stores nothing.
 */
@Component
class AlertFactsTaskListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		// the facts are read fresh when the form opens: nothing to copy
	}

}
