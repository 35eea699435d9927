package org.coopflow.workflow;

import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Camunda's form service, whose task form submissions (Tasklist's way of completing) accept only the
 * task's own answers ({@link TaskAnswers}), and whose task form variables carry the facts of the task's
 * process as its record holds them at that moment ({@link TaskFacts}).
 */
class AnswersOnlyFormService extends FormServiceImpl {

	private final TaskAnswers answers;

	private final FreshFacts facts;

	AnswersOnlyFormService(TaskAnswers answers, FreshFacts facts) {
		this.answers = answers;
		this.facts = facts;
	}

	/** Tasklist's Camunda Forms read every variable they show here: the facts come from the record now. */
	@Override
	public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables,
			boolean deserializeObjectValues) {
		return commandExecutor.execute(context -> {
			VariableMap variables = new GetTaskFormVariablesCmd(taskId, formVariables, deserializeObjectValues)
				.execute(context);
			// read after the command, which checked that the user may read the task's variables
			facts.overlay(context, context.getTaskManager().findTaskById(taskId), variables, formVariables);
			return variables;
		});
	}

	@Override
	public VariableMap getTaskFormVariables(String taskId) {
		return getTaskFormVariables(taskId, null, true);
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public void submitTaskFormData(String taskId, Map<String, String> properties) {
		submitTaskForm(taskId, (Map) properties);
	}

	@Override
	public void submitTaskForm(String taskId, Map<String, Object> properties) {
		submit(taskId, properties, false, false);
	}

	@Override
	public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
			boolean deserializeValues) {
		return submit(taskId, properties, true, deserializeValues);
	}

	private VariableMap submit(String taskId, Map<String, Object> properties, boolean returnVariables,
			boolean deserializeValues) {
		try {
			return commandExecutor.execute(answers.only(taskId, properties,
					(id, accepted) -> context -> submitted(context, id, accepted, returnVariables, deserializeValues)));
		}
		catch (TaskCompletionRefused refused) {
			throw new TaskFormRefused(refused);
		}
	}

	/**
	 * A task whose answers the step after it records ({@code answers="recorded"} in its model) keeps them for
	 * the completion only. Camunda's form submission would also write each field sent into the history, as a
	 * form field (history level full), where whoever may read the process's history reads it: the other
	 * office's coordinator, for one, before proposing on the same overlap alert. So its answers are set on
	 * the task as Camunda's form handler sets them, and the form is submitted without fields.
	 */
	private static VariableMap submitted(CommandContext context, String taskId, Map<String, Object> accepted,
			boolean returnVariables, boolean deserializeValues) {
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null || accepted == null || accepted.isEmpty() || !TaskAnswers.recordsItsAnswers(task)) {
			return new SubmitTaskFormCmd(taskId, accepted, returnVariables, deserializeValues).execute(context);
		}
		// who may not work the task must not get as far as setting its variables
		for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
			checker.checkTaskWork(task);
		}
		task.setVariables(accepted);
		return new SubmitTaskFormCmd(taskId, Map.of(), returnVariables, deserializeValues).execute(context);
	}

}
