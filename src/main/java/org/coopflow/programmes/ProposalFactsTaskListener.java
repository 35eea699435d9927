package org.coopflow.programmes;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Once copied the facts of the proposal onto each task when it was created, where they went stale while
 * the programme changed. The forms now read them when they open ({@link ProposalTaskFacts}); this
 * listener stays only while the model still names it, and stores nothing.
 */
@Component
class ProposalFactsTaskListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		// the facts are read fresh when the form opens: nothing to copy
	}

}
