package org.coopflow.overlap;

import org.coopflow.overlap.OverlapReviewProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/**
 * Completes "Settle joint decision" only with the final decision, and a reason for "not an overlap";
 * records who settled it. Like the reviews, the answer arrives in the form's generic fields.
 */
@Component
class SettleJointDecisionTaskListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		CoordinatorDecision decision = Typed.chosen(task);
		String by = TaskCompletion.completedBy(task);
		Typed.JOINT_DECISION.set(task.getExecution(), decision);
		Typed.JOINT_REASON.set(task.getExecution(), Typed.REASON.orNull(task));
		Typed.SETTLED_BY.set(task.getExecution(), by);
		task.removeVariable(Typed.DECISION.name());
		task.removeVariable(Typed.REASON.name());
	}

}
