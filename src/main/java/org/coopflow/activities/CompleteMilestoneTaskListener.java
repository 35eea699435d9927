package org.coopflow.activities;

import org.coopflow.activities.ImplementationProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/** Marks the task's milestone completed, with the officer's note. */
@Component
class CompleteMilestoneTaskListener implements TaskListener {

	private final ImplementationProgress activities;

	private final ImplementationRecords records;

	CompleteMilestoneTaskListener(ImplementationProgress activities, ImplementationRecords records) {
		this.activities = activities;
		this.records = records;
	}

	@Override
	public void notify(DelegateTask task) {
		String by = TaskCompletion.completedBy(task);
		activities.completeMilestone(records.milestoneId(task), Typed.MILESTONE_NOTE.orNull(task),
				by);
		task.removeVariable("milestoneNote");
	}

}
