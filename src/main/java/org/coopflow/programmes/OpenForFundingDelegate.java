package org.coopflow.programmes;

import org.coopflow.programmes.FundingProposalProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Open for funding": the reviewer approved, donors see the programme. */
@Component
class OpenForFundingDelegate implements JavaDelegate {

	private final ProposalLifecycle lifecycle;

	OpenForFundingDelegate(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.openForFunding(FundingProposalProcess.PROGRAMME.of(execution), Typed.REVIEWED_BY.recorded(execution));
	}

}
