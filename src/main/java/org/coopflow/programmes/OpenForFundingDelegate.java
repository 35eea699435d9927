package org.coopflow.programmes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.programmes.FundingProposalProcess.Variables;
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
		lifecycle.openForFunding(ProposalVariables.programmeId(execution), ProposalVariables.text(execution, Variables.REVIEWED_BY));
	}

}
