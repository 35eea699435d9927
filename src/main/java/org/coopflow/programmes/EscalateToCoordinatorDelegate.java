package org.coopflow.programmes;

import org.coopflow.programmes.FundingProposalProcess.Typed;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.reference.Office;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Escalate to coordinator": the user task named in the local {@code taskDefinitionKey} has waited 10
 * working days. The office's coordinators may now read it, so they see it in Tasklist and can chase
 * it; they do not become candidates, because a review stays the work of a programme officer.
 */
@Component
class EscalateToCoordinatorDelegate implements JavaDelegate {

	static final String COMMENT = "Escalated to the coordinators of %s: this task has been waiting for 10 working days";

	private static final Logger log = LoggerFactory.getLogger(EscalateToCoordinatorDelegate.class);

	private final ApplicationEventPublisher events;

	private final ProposalGroups groups;

	EscalateToCoordinatorDelegate(ApplicationEventPublisher events, ProposalGroups groups) {
		this.events = events;
		this.groups = groups;
	}

	@Override
	public void execute(DelegateExecution execution) {
		TaskService tasks = execution.getProcessEngineServices().getTaskService();
		Task task = OpenTasks.of(execution, Typed.TASK_DEFINITION_KEY.recorded(execution));
		if (task == null) {
			log.info("No open task to escalate in process instance {}", execution.getProcessInstanceId());
			return;
		}
		Office office = groups.office(execution);
		Authorization read = execution.getProcessEngineServices()
			.getAuthorizationService()
			.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		read.setGroupId(groups.coordinators(execution));
		read.setResource(Resources.TASK);
		read.setResourceId(task.getId());
		read.addPermission(Permissions.READ);
		execution.getProcessEngineServices().getAuthorizationService().saveAuthorization(read);
		tasks.createComment(task.getId(), execution.getProcessInstanceId(), COMMENT.formatted(office));
		events.publishEvent(new TaskEscalated(FundingProposalProcess.PROGRAMME.of(execution), task.getId(), office));
	}

}
