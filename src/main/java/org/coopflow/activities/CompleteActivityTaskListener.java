package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/** Completes the activity with the dates it actually ran. */
@Component
class CompleteActivityTaskListener implements TaskListener {

	private final ActivityService activities;

	CompleteActivityTaskListener(ActivityService activities) {
		this.activities = activities;
	}

	@Override
	public void notify(DelegateTask task) {
		String by = TaskCompletion.completedBy(task);
		activities.completeActivity(ImplementationVariables.activityId(task), ImplementationVariables.date(task, "actualStart"),
				ImplementationVariables.date(task, "actualEnd"), by);
		task.removeVariable("actualStart");
		task.removeVariable("actualEnd");
	}

}
