package org.coopflow.programmes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.programmes.FundingProposalProcess.Variables;
import org.springframework.stereotype.Component;

/** "Revise budget" down to the funds committed, as the officer decided. */
@Component
class ReviseBudgetDelegate implements JavaDelegate {

	private final ProposalLifecycle lifecycle;

	ReviseBudgetDelegate(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.reviseBudget(ProposalVariables.programmeId(execution),
				ProposalVariables.positiveAmount(execution, Variables.REVISED_BUDGET),
				ProposalVariables.text(execution, Variables.DECIDED_BY));
	}

}
