package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * The process instances a test class drove, and the check at its end that together they passed every element
 * of the latest version of their model (a boundary event shows in the history under its own id, like any
 * other element). For the process tests that need the whole application; those on an in-memory engine use
 * the process test coverage library's extension.
 */
public final class ModelWalk {

	private final String processKey;

	private final Set<String> instances = new HashSet<>();

	public ModelWalk(String processKey) {
		this.processKey = processKey;
	}

	/** Counts the instance's steps in the walk. */
	public String add(String processInstanceId) {
		instances.add(processInstanceId);
		return processInstanceId;
	}

	public void assertEveryElementPassed(RepositoryService repository, HistoryService history) {
		BpmnModelInstance model = repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult()
			.getId());
		Set<String> passed = new HashSet<>();
		for (String instance : instances) {
			history.createHistoricActivityInstanceQuery()
				.processInstanceId(instance)
				.list()
				.forEach(activity -> passed.add(activity.getActivityId()));
		}
		Set<String> elements = model.getModelElementsByType(FlowNode.class)
			.stream()
			.map(FlowNode::getId)
			.collect(Collectors.toSet());
		assertThat(passed).as("elements of " + processKey + " the tests passed").containsAll(elements);
	}

}
