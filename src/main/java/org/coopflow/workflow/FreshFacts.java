package org.coopflow.workflow;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Finds the {@link TaskFacts} of a task's process and reads them. The implementations are looked up when
 * first needed: they use services that need the engine, which this class is part of building.
 */
class FreshFacts {

	/** No process's facts: for an engine built without Spring (and for tasks outside any process). */
	static final FreshFacts NONE = new FreshFacts(null);

	private final ObjectProvider<TaskFacts> providers;

	FreshFacts(ObjectProvider<TaskFacts> providers) {
		this.providers = providers;
	}

	/** The task's facts as they are now; empty for a task whose process shows none. */
	Map<String, Object> of(CommandContext context, TaskEntity task) {
		TaskFacts facts = factsOf(context, task);
		return facts == null ? Map.of() : facts.of(task);
	}

	/** The names of the task's facts, without reading them where its process's facts can tell. */
	Set<String> names(CommandContext context, TaskEntity task) {
		TaskFacts facts = factsOf(context, task);
		return facts == null ? Set.of() : facts.names(task);
	}

	private TaskFacts factsOf(CommandContext context, TaskEntity task) {
		if (providers == null || task == null || task.getProcessDefinitionId() == null) {
			return null;
		}
		String processKey = context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(task.getProcessDefinitionId())
			.getKey();
		for (TaskFacts facts : providers) {
			if (facts.processKey().equals(processKey)) {
				return facts;
			}
		}
		return null;
	}

	/** Puts the task's facts over the variables read for its form (only those asked for, if names are given). */
	void overlay(CommandContext context, TaskEntity task, VariableMap variables, Collection<String> names) {
		of(context, task).forEach((name, fact) -> {
			if (names == null || names.contains(name)) {
				variables.putValueTyped(name, TaskFactValues.typed(fact));
			}
		});
	}

}
