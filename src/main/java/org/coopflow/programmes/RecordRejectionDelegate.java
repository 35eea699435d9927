package org.coopflow.programmes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.programmes.FundingProposalProcess.Variables;
import org.springframework.stereotype.Component;

/** "Record rejection", with the reviewer's reason. */
@Component
class RecordRejectionDelegate implements JavaDelegate {

	private final ProposalLifecycle lifecycle;

	RecordRejectionDelegate(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.reject(ProposalVariables.programmeId(execution), ProposalVariables.text(execution, Variables.REVIEW_COMMENT),
				ProposalVariables.text(execution, Variables.REVIEWED_BY));
	}

}
