package org.coopflow.programmes;

import org.coopflow.programmes.FundingProposalProcess.Typed;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Remind assignee": the user task named in the local {@code taskDefinitionKey} has waited 5 working
 * days. Tasklist sorts by priority, so raising it brings the task up; the comment tells the next
 * reader why; the event lets a mailer remind the person.
 */
@Component
class RemindAssigneeDelegate implements JavaDelegate {

	static final String COMMENT = "Reminder: this task has been waiting for 5 working days";

	static final int PRIORITY_RAISE = 25;

	private static final Logger log = LoggerFactory.getLogger(RemindAssigneeDelegate.class);

	private final ApplicationEventPublisher events;

	RemindAssigneeDelegate(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		TaskService tasks = execution.getProcessEngineServices().getTaskService();
		Task task = OpenTasks.of(execution, Typed.TASK_DEFINITION_KEY.recorded(execution));
		if (task == null) {
			log.info("No open task to remind of in process instance {}", execution.getProcessInstanceId());
			return;
		}
		tasks.setPriority(task.getId(), Math.min(Task.PRIORITY_MAXIMUM, task.getPriority() + PRIORITY_RAISE));
		tasks.createComment(task.getId(), execution.getProcessInstanceId(), COMMENT);
		events.publishEvent(new TaskReminderDue(FundingProposalProcess.PROGRAMME.of(execution), task.getId(), task.getAssignee()));
	}

}
