package org.coopflow.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What the workflow plugins do to every user task of every deployed model: a post-parse listener, so that it
 * runs after the model's own task listeners and properties are read.
 */
final class UserTasksParsed {

	private UserTasksParsed() {
	}

	/** Calls {@code parsed} with each user task's BPMN element and the engine's activity for it. */
	static void then(ProcessEngineConfigurationImpl configuration, BiConsumer<Element, ActivityImpl> parsed) {
		List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		parseListeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				parsed.accept(userTaskElement, activity);
			}

		});
		configuration.setCustomPostBPMNParseListeners(parseListeners);
	}

}
