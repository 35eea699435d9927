package org.coopflow.activities;

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
		Long programmeId = ImplementationProcess.programmeIdOf(execution.getProcessBusinessKey());
		if (programmeId == null) {
			throw new IllegalStateException("The implementation process " + execution.getProcessInstanceId()
					+ " has no implementation-<programme id> business key; it is started by ImplementationProcesses");
		}
		return programmeId;
	}

	static long programmeId(DelegateTask task) {
		return programmeId(task.getExecution());
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
		long milestoneId = number(task, Variables.MILESTONE_ID);
		ActivityView activity = activity(task);
		if (activity.milestones().stream().noneMatch(milestone -> milestone.id() == milestoneId)) {
			throw new InvalidInputException(Variables.MILESTONE_ID,
					"milestone " + milestoneId + " is not a milestone of activity " + activity.id());
		}
		return milestoneId;
	}

	private ActivityView activity(VariableScope scope, long programmeId) {
		long activityId = number(scope, Variables.ACTIVITY_ID);
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

	private static long number(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value instanceof Number number) {
			return number.longValue();
		}
		throw new IllegalStateException("The implementation process has no variable " + name + " here (" + value
				+ "); each instance of the activity and milestone sub-processes carries its own");
	}

}
