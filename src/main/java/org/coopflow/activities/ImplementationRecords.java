package org.coopflow.activities;

import org.coopflow.activities.ImplementationProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.coopflow.activities.ImplementationProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * The records a step of the implementation process works on. The programme is the one of the business
 * key, which no task completion can change. The activity and the milestone are the multi-instance
 * element variables, which a completion can overwrite like any variable, so each is checked to belong to
 * that programme before anything is done with it.
 */
@Component
class ImplementationRecords {

	private final Activities activities;

	ImplementationRecords(Activities activities) {
		this.activities = activities;
	}

	static long programmeId(DelegateExecution execution) {
		return ImplementationProcess.PROGRAMME.of(execution);
	}

	static long programmeId(DelegateTask task) {
		return ImplementationProcess.PROGRAMME.of(task);
	}

	ActivityView activity(DelegateExecution execution) {
		return activity(execution, programmeId(execution));
	}

	ActivityView activity(DelegateTask task) {
		return activity(task, programmeId(task));
	}

	long activityId(DelegateExecution execution) {
		return activity(execution).id();
	}

	long activityId(DelegateTask task) {
		return activity(task).id();
	}

	/** The task's milestone, checked to be one of the task's activity, itself one of the programme. */
	long milestoneId(DelegateTask task) {
		long milestoneId = Typed.MILESTONE_ID.recorded(task);
		ActivityView activity = activity(task);
		if (activity.milestones().stream().noneMatch(milestone -> milestone.id() == milestoneId)) {
			throw new InvalidInputException(Variables.MILESTONE_ID,
					"milestone " + milestoneId + " is not a milestone of activity " + activity.id());
		}
		return milestoneId;
	}

	private ActivityView activity(VariableScope scope, long programmeId) {
		long activityId = Typed.ACTIVITY_ID.recorded(scope);
		ActivityView activity;
		try {
			activity = activities.find(activityId);
		}
		catch (NotFoundException e) {
			activity = null;
		}
		if (activity == null || activity.programmeId() != programmeId) {
			throw new InvalidInputException(Variables.ACTIVITY_ID,
					"activity " + activityId + " is not an activity of programme " + programmeId);
		}
		return activity;
	}


}
