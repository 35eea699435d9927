package org.coopflow.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs the task and form services whose completions accept only each task's own answers, so that
 * every way of completing a task (the Java API, engine-rest's complete, submit-form and resolve, and
 * Tasklist's own REST) goes through the same check.
 */
@Component
class TaskAnswersPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		TaskAnswers answers = new TaskAnswers();
		configuration.setTaskService(new AnswersOnlyTaskService(answers));
		configuration.setFormService(new AnswersOnlyFormService(answers));
	}

}
