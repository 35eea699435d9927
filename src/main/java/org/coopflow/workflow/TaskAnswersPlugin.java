package org.coopflow.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
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
		List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		parseListeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				TaskAnswers.parsed(userTaskElement, activity);
			}

		});
		configuration.setCustomPostBPMNParseListeners(parseListeners);
	}

}
