package org.coopflow.programmes;

import org.coopflow.programmes.FundingProposalProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
		lifecycle.reviseBudget(FundingProposalProcess.PROGRAMME.of(execution),
				Typed.REVISED_BUDGET.recorded(execution),
				Typed.DECIDED_BY.recorded(execution));
	}

}
