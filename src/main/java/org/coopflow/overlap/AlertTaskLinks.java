package org.coopflow.overlap;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.overlap.OverlapReviewProcess.Elements;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.coopflow.workflow.TasklistFilters;
import org.coopflow.workflow.TasklistLinks;
import org.springframework.stereotype.Component;

/**
 * Where "Review in Tasklist" on an alert's page leads: the alert's open task that the signed-in person
 * works (assigned to them, or offered to their office's coordinators; any for an administrator), else
 * the "Overlap alerts to review" filter, for when their office has already proposed and the other's
 * proposal is awaited.
 */
@Component
class AlertTaskLinks {

	private final TaskService tasks;

	private final TasklistFilters filters;

	AlertTaskLinks(TaskService tasks, TasklistFilters filters) {
		this.tasks = tasks;
		this.filters = filters;
	}

	String reviewLink(CoopflowUser user, long alertId) {
		var query = tasks.createTaskQuery()
			.processDefinitionKey(OverlapReviewProcess.PROCESS_KEY)
			.processInstanceBusinessKey(OverlapReviewProcess.businessKey(alertId));
		if (user.getRole() != Role.ADMIN) {
			List<String> groups = user.getRole().camundaGroups(user.getOffice());
			query.or().taskAssignee(user.getUsername()).taskCandidateGroupIn(groups).includeAssignedTasks().endOr();
		}
		// the task claimed by the person first, then their office's own review before the joint settlement
		return query.list()
			.stream()
			.min(Comparator.comparing((Task task) -> !user.getUsername().equals(task.getAssignee()))
				.thenComparing(task -> Elements.TASK_SETTLE_JOINT_DECISION.equals(task.getTaskDefinitionKey())))
			.map(task -> TasklistLinks.task(task.getId()))
			.orElseGet(() -> filters.idOf(AlertTaskGuide.FILTER).map(TasklistLinks::filter).orElse(TasklistLinks.HOME));
	}

}
