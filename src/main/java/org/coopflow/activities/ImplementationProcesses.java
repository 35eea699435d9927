package org.coopflow.activities;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.coopflow.activities.ActivityEvents.ActivityCancelled;
import org.coopflow.activities.ImplementationProcess.Variables;
import org.coopflow.programmes.ProgrammeFunded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a programme's implementation process when it is funded, and ends an activity's branch when
 * the activity is cancelled. Both happen in the transaction of the change: a funded programme without
 * its process, or a cancelled activity still asking for milestones, cannot be left behind.
 */
@Component
class ImplementationProcesses {

	private static final Logger log = LoggerFactory.getLogger(ImplementationProcesses.class);

	private final RuntimeService runtime;

	private final ImplementationProgress activities;

	private final TaskService tasks;

	ImplementationProcesses(RuntimeService runtime, ImplementationProgress activities, TaskService tasks) {
		this.runtime = runtime;
		this.activities = activities;
		this.tasks = tasks;
	}

	@EventListener
	void on(ProgrammeFunded funded) {
		activities.openImplementation(funded.programmeId());
		String businessKey = ImplementationProcess.businessKey(funded.programmeId());
		if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() > 0) {
			return;
		}
		runtime.createMessageCorrelation(ImplementationProcess.PROGRAMME_FUNDED)
			.processInstanceBusinessKey(businessKey)
			.setVariable(Variables.OFFICE, funded.office().name())
			.correlateStartMessage();
	}

	/**
	 * The activity's instance of "Carry out activity" is found by the activity id it runs for (the
	 * multi-instance element variable, visible from the event sub-process's execution), not by a local
	 * variable of the subscription's own execution, which is a scope below it.
	 */
	@EventListener
	void on(ActivityCancelled cancelled) {
		var waiting = runtime.createExecutionQuery()
			.processInstanceBusinessKey(ImplementationProcess.businessKey(cancelled.programmeId()))
			.messageEventSubscriptionName(ImplementationProcess.ACTIVITY_CANCELLED)
			.list();
		boolean delivered = false;
		for (var execution : waiting) {
			Object activityId = runtime.getVariable(execution.getId(), Variables.ACTIVITY_ID);
			if (activityId instanceof Number n && n.longValue() == cancelled.activityId()) {
				runtime.messageEventReceived(ImplementationProcess.ACTIVITY_CANCELLED, execution.getId());
				delivered = true;
			}
		}
		if (!delivered) {
			log.debug("Activity {} was cancelled before the implementation process reached it", cancelled.activityId());
		}
	}

}
