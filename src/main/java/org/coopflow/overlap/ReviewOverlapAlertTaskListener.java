package org.coopflow.overlap;

import org.coopflow.overlap.OverlapReviewProcess.Typed;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.overlap.OverlapReviewProcess.OfficeReview;
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
		CoordinatorDecision decision = Typed.chosen(task);
		String by = TaskCompletion.completedBy(task);
		if (by.equals(office.other().reviewedBy().orNull(task))) {
			throw new BadUserRequestException(by + " already proposed a decision for " + office.other().office()
					+ "; the coordinators of both offices review each alert, so " + office.office()
					+ "'s proposal must come from someone else.");
		}
		String reason = Typed.REASON.orNull(task);
		review.propose(OverlapReviewProcess.ALERT.of(task), office.office().name(), decision, reason, by);
		office.decision().set(task.getExecution(), decision);
		office.reason().set(task.getExecution(), reason);
		office.reviewedBy().set(task.getExecution(), by);
		task.removeVariable(Typed.DECISION.name());
		task.removeVariable(Typed.REASON.name());
	}

}
