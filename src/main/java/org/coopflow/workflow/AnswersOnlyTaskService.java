package org.coopflow.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Camunda's task service, whose completions accept only the task's own answers ({@link TaskAnswers}),
 * and whose completions, claims and assignments answer a listener's refusal (four eyes) as a refusal.
 * engine-rest's complete answers only a {@link TaskFormRefused} with 400, its resolve, claim and
 * assignee a {@link TaskCompletionRefused}. Deleting asks for the DELETE permission first: Camunda
 * otherwise tells whoever asks that the task is part of a process (500) before it checks.
 */
class AnswersOnlyTaskService extends TaskServiceImpl {

	private final TaskAnswers answers;

	AnswersOnlyTaskService(TaskAnswers answers) {
		this.answers = answers;
	}

	@Override
	public void complete(String taskId) {
		complete(taskId, null);
	}

	@Override
	public void complete(String taskId, Map<String, Object> variables) {
		try {
			commandExecutor.execute(answers.only(taskId, variables, CompleteTaskCmd::new));
		}
		catch (TaskCompletionRefused refused) {
			throw new TaskFormRefused(refused);
		}
	}

	@Override
	public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
			boolean deserializeValues) {
		try {
			return commandExecutor.execute(answers.only(taskId, variables,
					(id, accepted) -> new CompleteTaskCmd(id, accepted, true, deserializeValues)));
		}
		catch (TaskCompletionRefused refused) {
			throw new TaskFormRefused(refused);
		}
	}

	@Override
	public void resolveTask(String taskId) {
		resolveTask(taskId, null);
	}

	@Override
	public void resolveTask(String taskId, Map<String, Object> variables) {
		commandExecutor.execute(answers.only(taskId, variables, ResolveTaskCmd::new));
	}

	@Override
	public void claim(String taskId, String userId) {
		commandExecutor.execute(answers.plain(taskId, new ClaimTaskCmd(taskId, userId)));
	}

	@Override
	public void setAssignee(String taskId, String userId) {
		AssignTaskCmd assign = new AssignTaskCmd(taskId, userId);
		commandExecutor.execute(answers.plain(taskId, context -> {
			if (userId == null && assignedTo(context, taskId, context.getAuthenticatedUserId())) {
				// TASK_WORK lets a candidate claim a task but not unassign it; handing one's own task back
				// (Tasklist's "Unclaim") is part of working it, and assigns it to nobody else
				return context.runWithoutAuthorization(assign);
			}
			return assign.execute(context);
		}));
	}

	private static boolean assignedTo(CommandContext context, String taskId, String user) {
		TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
		return task != null && user != null && user.equals(task.getAssignee());
	}

	/*
	 * A BPMN error or escalation thrown from a user task carries variables of its own choosing and, with
	 * no boundary event in coopflow's models to catch it, ends the process without any of its steps
	 * being recorded. Tasks are answered through their forms; nobody throws from them.
	 */

	@Override
	public void handleBpmnError(String taskId, String errorCode) {
		throw notAnAnswer(taskId);
	}

	@Override
	public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
		throw notAnAnswer(taskId);
	}

	@Override
	public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
		throw notAnAnswer(taskId);
	}

	@Override
	public void handleEscalation(String taskId, String escalationCode) {
		throw notAnAnswer(taskId);
	}

	@Override
	public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
		throw notAnAnswer(taskId);
	}

	private static TaskCompletionRefused notAnAnswer(String taskId) {
		return new TaskCompletionRefused("Task " + taskId
				+ " is answered through its form: coopflow's processes take no BPMN error or escalation from a task.",
				null);
	}

	@Override
	public void deleteTask(String taskId) {
		mayDelete(List.of(taskId));
		super.deleteTask(taskId);
	}

	@Override
	public void deleteTask(String taskId, boolean cascade) {
		mayDelete(List.of(taskId));
		super.deleteTask(taskId, cascade);
	}

	@Override
	public void deleteTask(String taskId, String deleteReason) {
		mayDelete(List.of(taskId));
		super.deleteTask(taskId, deleteReason);
	}

	@Override
	public void deleteTasks(Collection<String> taskIds) {
		mayDelete(taskIds);
		super.deleteTasks(taskIds);
	}

	@Override
	public void deleteTasks(Collection<String> taskIds, boolean cascade) {
		mayDelete(taskIds);
		super.deleteTasks(taskIds, cascade);
	}

	@Override
	public void deleteTasks(Collection<String> taskIds, String deleteReason) {
		mayDelete(taskIds);
		super.deleteTasks(taskIds, deleteReason);
	}

	private void mayDelete(Collection<String> taskIds) {
		if (taskIds == null) {
			return;
		}
		commandExecutor.execute(context -> {
			for (String taskId : taskIds) {
				// Camunda's own check leaves out a process's tasks, which it refuses to delete afterwards
				if (taskId != null && context.getTaskManager().findTaskById(taskId) != null) {
					context.getAuthorizationManager().checkAuthorization(Permissions.DELETE, Resources.TASK, taskId);
				}
			}
			return null;
		});
	}

}
