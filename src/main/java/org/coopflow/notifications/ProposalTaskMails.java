package org.coopflow.notifications;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.programmes.ProposalFacts;
import org.coopflow.programmes.ProposalLifecycle;
import org.coopflow.programmes.TaskEscalated;
import org.coopflow.programmes.TaskReminderDue;
import org.coopflow.security.Role;
import org.coopflow.security.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails the reminders of the funding proposal process: to the assignee of a task untouched for five
 * working days (or, while nobody holds it, to the office's officers), and to the office's coordinators
 * after ten. Runs in the transaction of the timer job that raised the event.
 */
@Component
class ProposalTaskMails {

	private final Notifications notifications;

	private final UserDirectory users;

	private final ProposalLifecycle proposals;

	private final TaskService tasks;

	private final RepositoryService models;

	ProposalTaskMails(Notifications notifications, UserDirectory users, ProposalLifecycle proposals,
			TaskService tasks, RepositoryService models) {
		this.models = models;
		this.notifications = notifications;
		this.users = users;
		this.proposals = proposals;
		this.tasks = tasks;
	}

	@EventListener
	void on(TaskReminderDue reminder) {
		ProposalFacts proposal = proposals.facts(reminder.programmeId());
		String taskName = taskName(reminder.taskId());
		// while nobody holds the task, every officer of the office may take it, except its authors,
		// who cannot see a review of their own proposal
		List<String> authors = proposal.authors().stream().flatMap(author -> users.emailOf(author).stream()).toList();
		List<String> recipients = reminder.assignee() != null
				? users.emailOf(reminder.assignee()).stream().toList()
				: users.emailsOf(Role.PROGRAMME_OFFICER, proposal.office())
					.stream()
					.filter(email -> !authors.contains(email))
					.toList();
		for (String recipient : recipients) {
			notifications.enqueue("task-reminder:" + reminder.taskId(), recipient,
					"Reminder: " + taskName + " - " + proposal.title(),
					"""
							The task "%s" for the funding proposal "%s" (programme %d, %s) has been waiting for five working days.

							Please open it in Tasklist. If it is not yours to do, hand it back so that a colleague can take it.
							"""
						.formatted(taskName, proposal.title(), proposal.programmeId(), proposal.office()));
		}
	}

	@EventListener
	void on(TaskEscalated escalation) {
		ProposalFacts proposal = proposals.facts(escalation.programmeId());
		String taskName = taskName(escalation.taskId());
		for (String recipient : users.emailsOf(Role.COORDINATOR, escalation.office())) {
			notifications.enqueue("task-escalation:" + escalation.taskId(), recipient,
					"Escalated: " + taskName + " - " + proposal.title(),
					"""
							The task "%s" for the funding proposal "%s" (programme %d, %s) has been waiting for ten working days.

							You now see it in Tasklist as a coordinator of %s: take it, or ask who holds it to finish it.
							"""
						.formatted(taskName, proposal.title(), proposal.programmeId(), proposal.office(),
								escalation.office()));
		}
	}

	/**
	 * The model's name of the task, the kind of work ("Review proposal"): the task's own name also says
	 * which proposal (workflow.TaskGuide), which the mail says itself.
	 */
	private String taskName(String taskId) {
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			return "a task";
		}
		ModelElementInstance element = models.getBpmnModelInstance(task.getProcessDefinitionId())
			.getModelElementById(task.getTaskDefinitionKey());
		String kind = element instanceof FlowElement flowElement ? flowElement.getName() : task.getName();
		return kind == null ? "a task" : kind;
	}

}
