package org.coopflow.overlap;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.overlap.OverlapReviewProcess.OfficeReview;
import org.coopflow.overlap.OverlapReviewProcess.Variables;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/**
 * Completes an office's "Review overlap alert" only with a decision, and a reason for "not an overlap":
 * the form asks for both, but the REST API does not go through the form. One form serves both offices,
 * so the answer arrives in the generic {@code decision} and {@code reason}; it is kept as this office's
 * proposal, and the generic fields are cleared so that the other office's form starts empty instead of
 * showing this answer. Each office's proposal comes from a different person.
 */
@Component
class ReviewOverlapAlertTaskListener implements TaskListener {

	private final AlertReview review;

	ReviewOverlapAlertTaskListener(AlertReview review) {
		this.review = review;
	}

	@Override
	public void notify(DelegateTask task) {
		OfficeReview office = OfficeReview.ofTask(task.getTaskDefinitionKey());
		if (office == null) {
			throw new IllegalStateException(task.getTaskDefinitionKey() + " is not an office's review of an overlap alert");
		}
		CoordinatorDecision decision = AlertVariables.chosen(task, Variables.DECISION, Variables.REASON);
		String by = TaskCompletion.completedBy(task);
		if (by.equals(AlertVariables.optionalText(task, office.other().reviewedByVariable()))) {
			throw new BadUserRequestException(by + " already proposed a decision for " + office.other().office()
					+ "; the coordinators of both offices review each alert, so " + office.office()
					+ "'s proposal must come from someone else.");
		}
		String reason = AlertVariables.optionalText(task, Variables.REASON);
		review.propose(AlertVariables.alertId(task.getExecution()), office.office().name(), decision, reason, by);
		task.getExecution().setVariable(office.decisionVariable(), decision.name());
		task.getExecution().setVariable(office.reasonVariable(), reason);
		task.getExecution().setVariable(office.reviewedByVariable(), by);
		task.removeVariable(Variables.DECISION);
		task.removeVariable(Variables.REASON);
	}

}
