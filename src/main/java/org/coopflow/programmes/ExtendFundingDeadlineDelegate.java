package org.coopflow.programmes;

import org.coopflow.programmes.FundingProposalProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
		int extraDays = Math.toIntExact(Typed.EXTENSION_DAYS.recorded(execution));
		lifecycle.extendFundingDeadline(FundingProposalProcess.PROGRAMME.of(execution), extraDays,
				Typed.DECIDED_BY.recorded(execution));
		Typed.FUNDING_DEADLINE.set(execution, FundingProposalProcess.fundingDeadline(extraDays));
	}

}
