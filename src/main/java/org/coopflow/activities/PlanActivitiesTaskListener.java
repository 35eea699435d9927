package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.shared.ConflictException;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/** "Plan activities" is done when at least one activity is planned: the process carries out what is. */
@Component
class PlanActivitiesTaskListener implements TaskListener {

	private final Activities activities;

	PlanActivitiesTaskListener(Activities activities) {
		this.activities = activities;
	}

	@Override
	public void notify(DelegateTask task) {
		TaskCompletion.completedBy(task);
		long programmeId = ImplementationRecords.programmeId(task);
		if (activities.plannedActivityIds(programmeId).isEmpty()) {
			throw new ConflictException("Programme " + programmeId + " has no activity planned; plan them with POST /api/programmes/"
					+ programmeId + "/activities before completing this task.");
		}
	}

}
