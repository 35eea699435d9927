package org.coopflow.workflow;

import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
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
					(id, accepted) -> new SubmitTaskFormCmd(id, accepted, returnVariables, deserializeValues)));
		}
		catch (TaskCompletionRefused refused) {
			throw new TaskFormRefused(refused);
		}
	}

}
