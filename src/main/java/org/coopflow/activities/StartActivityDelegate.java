package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The activity is under way: IN_PROGRESS, with today as its actual start until the officer says otherwise. */
@Component
class StartActivityDelegate implements JavaDelegate {

	private final ImplementationProgress activities;

	private final ImplementationRecords records;

	StartActivityDelegate(ImplementationProgress activities, ImplementationRecords records) {
		this.activities = activities;
		this.records = records;
	}

	@Override
	public void execute(DelegateExecution execution) {
		activities.startActivity(records.activityId(execution), "coopflow");
	}

}
