package org.coopflow.programmes;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.programmes.FundingProposalProcess.ReviewDecision;
import org.coopflow.programmes.FundingProposalProcess.Variables;
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
		ReviewDecision decision = ProposalVariables.decision(task, Variables.REVIEW_DECISION, ReviewDecision.class);
		if (decision != ReviewDecision.APPROVE && ProposalVariables.optionalText(task, Variables.REVIEW_COMMENT) == null) {
			throw new BadUserRequestException(decision == ReviewDecision.RETURN
					? "Say what the submitter should revise: a comment is required to return a proposal."
					: "Give the reason for rejecting the proposal: a comment is required to reject it.");
		}
		task.getExecution().setVariable(Variables.REVIEWED_BY, TaskCompletion.completedBy(task));
	}

}
