package org.coopflow.programmes;

import org.coopflow.shared.InvalidInputException;
import org.coopflow.programmes.FundingProposalProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.programmes.FundingProposalProcess.ReviewDecision;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/**
 * Completes "Review proposal" only with a decision, and a comment when the proposal goes back or is
 * rejected: the form asks for both, but the REST API does not go through the form. Records who
 * reviewed, for the programme's history.
 */
@Component
class ReviewProposalTaskListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		ReviewDecision decision = Typed.REVIEW_DECISION.answer(task, "Choose a decision.");
		if (decision != ReviewDecision.APPROVE && Typed.REVIEW_COMMENT.orNull(task) == null) {
			throw new InvalidInputException(Typed.REVIEW_COMMENT.name(), decision == ReviewDecision.RETURN
					? "Say what the submitter should revise: a comment is required to return a proposal."
					: "Give the reason for rejecting the proposal: a comment is required to reject it.");
		}
		Typed.REVIEWED_BY.set(task.getExecution(), TaskCompletion.completedBy(task));
	}

}
