package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Planning is over: the activities planned are carried out, and no more are added. */
@Component
class StartImplementationDelegate implements JavaDelegate {

	private final ImplementationProgress activities;

	StartImplementationDelegate(ImplementationProgress activities) {
		this.activities = activities;
	}

	@Override
	public void execute(DelegateExecution execution) {
		activities.startImplementation(ImplementationRecords.programmeId(execution));
	}

}
