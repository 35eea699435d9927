package org.coopflow.programmes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.programmes.FundingProposalProcess.Variables;
import org.springframework.stereotype.Component;

/** "Extend funding deadline": the timer on "Await funding" starts again from now. */
@Component
class ExtendFundingDeadlineDelegate implements JavaDelegate {

	private final ProposalLifecycle lifecycle;

	ExtendFundingDeadlineDelegate(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int extraDays = ProposalVariables.positiveWholeNumber(execution, Variables.EXTENSION_DAYS);
		lifecycle.extendFundingDeadline(ProposalVariables.programmeId(execution), extraDays,
				ProposalVariables.text(execution, Variables.DECIDED_BY));
		execution.setVariable(Variables.FUNDING_DEADLINE, FundingProposalProcess.fundingDeadline(extraDays));
	}

}
