package org.coopflow.programmes;

import org.coopflow.programmes.FundingProposalProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Cancel and release pledges": the lifecycle publishes ProgrammeCancelled for the pledges. */
@Component
class CancelAndReleasePledgesDelegate implements JavaDelegate {

	private final ProposalLifecycle lifecycle;

	CancelAndReleasePledgesDelegate(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.cancel(FundingProposalProcess.PROGRAMME.of(execution), Typed.CANCELLATION_REASON.recorded(execution),
				Typed.DECIDED_BY.recorded(execution));
	}

}
