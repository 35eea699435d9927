package org.coopflow.overlap;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Remind coordinators": the alert is still undecided after 10 working days. Its open tasks move up in
 * Tasklist (sorted by priority) and the alert's coordinators are reminded by mail.
 */
@Component
class RemindCoordinatorsDelegate implements JavaDelegate {

	static final int PRIORITY_RAISE = 25;

	private final AlertReview review;

	RemindCoordinatorsDelegate(AlertReview review) {
		this.review = review;
	}

	@Override
	public void execute(DelegateExecution execution) {
		TaskService tasks = execution.getProcessEngineServices().getTaskService();
		for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
			tasks.setPriority(task.getId(), Math.min(Task.PRIORITY_MAXIMUM, task.getPriority() + PRIORITY_RAISE));
		}
		review.remind(OverlapReviewProcess.ALERT.of(execution));
	}

}
