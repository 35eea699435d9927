package org.coopflow.cluster;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A step that takes a fifth of a second, as real work does: one node's job executor cannot then finish
 * every job before the other's wakes, so both nodes compete for the same jobs.
 */
public class SlowStep implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) throws InterruptedException {
		Thread.sleep(200);
	}

}
