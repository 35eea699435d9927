package org.coopflow.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs the task and form services whose completions accept only each task's own answers, so that
 * every way of completing a task (the Java API, engine-rest's complete, submit-form and resolve, and
 * Tasklist's own REST) goes through the same check, and whose form variables carry each process's
 * {@link TaskFacts} as they are when the form is opened; and marks the user tasks whose answers are
 * recorded by the step after them ({@link TaskAnswers#recordsItsAnswers}).
 */
@Component
class TaskAnswersPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<TaskFacts> facts;

	TaskAnswersPlugin(ObjectProvider<TaskFacts> facts) {
		this.facts = facts;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		FreshFacts fresh = new FreshFacts(facts);
		TaskAnswers answers = new TaskAnswers(fresh);
		configuration.setTaskService(new AnswersOnlyTaskService(answers));
		configuration.setFormService(new AnswersOnlyFormService(answers, fresh));
		UserTasksParsed.then(configuration, TaskAnswers::parsed);
	}

}
