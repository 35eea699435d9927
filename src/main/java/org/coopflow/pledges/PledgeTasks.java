package org.coopflow.pledges;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.shared.ConflictException;
import org.coopflow.security.CoopflowUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes the pledge process's user tasks for the API, so that a step taken through
 * {@code /api/pledges} and the same step taken in Tasklist run the same model, listeners and
 * delegates. The officer is signed in to the engine for the call, so Camunda's own task permissions
 * apply and the decision is recorded under the officer's name.
 */
@Component
class PledgeTasks {

	private final TaskService tasks;

	private final IdentityService identity;

	PledgeTasks(TaskService tasks, IdentityService identity) {
		this.tasks = tasks;
		this.identity = identity;
	}

	boolean isWaiting(long pledgeId, String taskKey) {
		return tasks.createTaskQuery()
			.processDefinitionKey(DonorPledgeProcess.PROCESS_KEY)
			.processInstanceBusinessKey(DonorPledgeProcess.businessKey(pledgeId))
			.taskDefinitionKey(taskKey)
			.count() > 0;
	}

	// one transaction: a rebinding below must not outlive a completion that is then refused
	@Transactional
	void complete(CoopflowUser officer, long pledgeId, String taskKey, String taskName, Map<String, Object> variables) {
		List<Task> open = tasks.createTaskQuery()
			.processDefinitionKey(DonorPledgeProcess.PROCESS_KEY)
			.processInstanceBusinessKey(DonorPledgeProcess.businessKey(pledgeId))
			.taskDefinitionKey(taskKey)
			.list();
		if (open.isEmpty()) {
			throw new ConflictException("Pledge " + pledgeId + " is not waiting for \"" + taskName + "\".");
		}
		Task task = open.get(0);
		if (task.getAssignee() != null && !task.getAssignee().equals(officer.getUsername())) {
			throw new ConflictException("\"" + taskName + "\" of pledge " + pledgeId + " is claimed by " + task.getAssignee()
					+ "; ask them, or have it handed back in Tasklist.");
		}
		// a task accepts its facts back only unchanged; the API may name another of the facts it checked
		// itself (the payment in "Confirm receipt"'s path is a reported payment of this pledge), so coopflow
		// rebinds the task to it first, as the process, not as the officer
		variables.forEach((name, value) -> {
			Object shown = tasks.getVariableLocal(task.getId(), name);
			if (shown != null && !shown.equals(value)) {
				tasks.setVariableLocal(task.getId(), name, value);
			}
		});
		identity.setAuthentication(officer.getUsername(), officer.getRole().camundaGroups(officer.getOffice()));
		try {
			tasks.complete(task.getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
