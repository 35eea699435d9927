package org.coopflow.programmes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/** The open user task of one activity of the process instance an execution belongs to. */
final class OpenTasks {

	private OpenTasks() {
	}

	/** @return the task, or null when it was completed meanwhile */
	static Task of(DelegateExecution execution, String taskDefinitionKey) {
		return execution.getProcessEngineServices()
			.getTaskService()
			.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult();
	}

}
