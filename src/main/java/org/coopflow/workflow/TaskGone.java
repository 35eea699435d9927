package org.coopflow.workflow;

import org.camunda.bpm.engine.exception.NotFoundException;

/**
 * The task asked to be completed, claimed or resolved no longer exists: typically a colleague completed it
 * while the form was open, or its process ended. An everyday event in a shared task list, not a fault: a
 * {@link org.camunda.bpm.engine.BadUserRequestException}, so the engine logs it at debug level, and engine-rest
 * answers it with 404 ({@code web.EngineRestRetryLater}) rather than Camunda's 500 "task is null".
 */
class TaskGone extends NotFoundException {

	TaskGone(String taskId) {
		super("Task " + taskId + " no longer exists: someone completed it, or its process ended, since it was "
				+ "opened. Reload the task list.");
	}

}
