package org.coopflow.programmes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark programme partially funded": the funding deadline passed short of the budget. */
@Component
class MarkPartiallyFundedDelegate implements JavaDelegate {

	private final ProposalLifecycle lifecycle;

	MarkPartiallyFundedDelegate(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.fundingDeadlinePassed(FundingProposalProcess.PROGRAMME.of(execution));
	}

}
