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
 * proposal with the alert, and nowhere in the process: the other office's coordinator may read the
 * process's variables and their history through the engine's task and history APIs, and proposes
 * without seeing this one. The task's answers last only for the completion ({@code answers="recorded"}
 * in the model), and are removed here too for an engine that does not know that property. Each office's
 * proposal comes from a different person.
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
		long alertId = OverlapReviewProcess.ALERT.of(task);
		AlertReview.Proposal other = review.proposals(alertId).get(office.other().office().name());
		if (other != null && by.equals(other.by())) {
			throw new BadUserRequestException(by + " already proposed a decision for " + office.other().office()
					+ "; the coordinators of both offices review each alert, so " + office.office()
					+ "'s proposal must come from someone else.");
		}
		String reason = Typed.REASON.orNull(task);
		review.propose(alertId, office.office().name(), decision, reason, by);
		if (!TaskCompletion.answersRecorded(task)) {
			// a review begun before 2026-12-07 runs its own version of the model, whose gateway compares these
			// variables: it keeps them, or it could never be decided
			String prefix = office.office().name().toLowerCase(java.util.Locale.ROOT);
			task.getExecution().setVariable(prefix + "Decision", decision.name());
			task.getExecution().setVariable(prefix + "Reason", reason);
			task.getExecution().setVariable(prefix + "ReviewedBy", by);
		}
		task.removeVariable(Typed.DECISION.name());
		task.removeVariable(Typed.REASON.name());
	}

}
