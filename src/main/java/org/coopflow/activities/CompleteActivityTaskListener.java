package org.coopflow.activities;

import org.coopflow.activities.ImplementationProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/** Completes the activity with the dates it actually ran. */
@Component
class CompleteActivityTaskListener implements TaskListener {

	private final ImplementationProgress activities;

	private final ImplementationRecords records;

	CompleteActivityTaskListener(ImplementationProgress activities, ImplementationRecords records) {
		this.activities = activities;
		this.records = records;
	}

	@Override
	public void notify(DelegateTask task) {
		String by = TaskCompletion.completedBy(task);
		activities.completeActivity(records.activityId(task), Typed.ACTUAL_START.orNull(task),
				Typed.ACTUAL_END.orNull(task), by);
		task.removeVariable("actualStart");
		task.removeVariable("actualEnd");
	}

}
