package org.coopflow.programmes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Resubmit proposal": the submitter finished revising it. */
@Component
class ResubmitProposalDelegate implements JavaDelegate {

	private final ProposalLifecycle lifecycle;

	ResubmitProposalDelegate(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.submit(ProposalVariables.programmeId(execution), ProposalVariables.submittedBy(execution));
	}

}
