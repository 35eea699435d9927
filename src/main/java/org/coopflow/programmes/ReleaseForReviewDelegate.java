package org.coopflow.programmes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Release for review": the coordinators let the proposal go on. */
@Component
class ReleaseForReviewDelegate implements JavaDelegate {

	private final ProposalLifecycle lifecycle;

	ReleaseForReviewDelegate(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.awaitReview(FundingProposalProcess.PROGRAMME.of(execution));
	}

}
