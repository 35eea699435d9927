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
	/**
	 * Whether the task's model says its answers are recorded ({@code answers="recorded"}), so that the engine
	 * holds them for this completion only; a process begun on an older version of a model may not say so.
	 */
	public static boolean answersRecorded(DelegateTask task) {
		// read from the task's own model version (cached by the engine), not from a parse listener's mark, so
		// that it holds on any engine that deployed the model
		org.camunda.bpm.model.bpmn.instance.UserTask element = task.getBpmnModelElementInstance();
		return element != null && element.getExtensionElements() != null && element.getExtensionElements()
			.getElementsQuery()
			.filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
			.list()
			.stream()
			.flatMap(properties -> properties.getCamundaProperties().stream())
			.anyMatch(property -> TaskAnswers.ANSWERS.equals(property.getCamundaName())
					&& TaskAnswers.RECORDED.equals(property.getCamundaValue()));
	}

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
