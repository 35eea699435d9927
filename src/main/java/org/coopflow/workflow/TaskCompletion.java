package org.coopflow.workflow;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The one rule for who completed a user task, for every process: the user the completion is
 * authenticated as (Tasklist and engine-rest always authenticate), whoever the task is assigned to.
 * Only a completion without an authenticated user (the engine's Java API, as in process tests) falls
 * back to the assignee. Never a variable: a completion can set any variable it likes.
 */
@org.springframework.modulith.NamedInterface("api")
public final class TaskCompletion {

	private TaskCompletion() {
	}

	/**
	 * The user completing the task; call it from a task's complete listener. A decision nobody can be
	 * named for is refused, since the record says who took it.
	 */
	public static String completedBy(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (current != null && current.getUserId() != null) {
			return current.getUserId();
		}
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		throw new BadUserRequestException(
				"Claim the task before completing it, so that the decision is recorded under your name.");
	}

}
