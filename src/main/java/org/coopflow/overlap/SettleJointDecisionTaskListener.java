package org.coopflow.overlap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.overlap.OverlapReviewProcess.Variables;
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
		CoordinatorDecision decision = AlertVariables.chosen(task, Variables.DECISION, Variables.REASON);
		String by = TaskCompletion.completedBy(task);
		task.getExecution().setVariable(Variables.JOINT_DECISION, decision.name());
		task.getExecution().setVariable(Variables.JOINT_REASON, AlertVariables.optionalText(task, Variables.REASON));
		task.getExecution().setVariable(Variables.SETTLED_BY, by);
		task.removeVariable(Variables.DECISION);
		task.removeVariable(Variables.REASON);
	}

}
