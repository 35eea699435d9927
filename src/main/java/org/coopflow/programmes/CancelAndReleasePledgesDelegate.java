package org.coopflow.programmes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.programmes.FundingProposalProcess.Variables;
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
		lifecycle.cancel(ProposalVariables.programmeId(execution), ProposalVariables.text(execution, Variables.CANCELLATION_REASON),
				ProposalVariables.text(execution, Variables.DECIDED_BY));
	}

}
