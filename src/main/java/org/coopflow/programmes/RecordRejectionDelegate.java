package org.coopflow.programmes;

import org.coopflow.programmes.FundingProposalProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
		lifecycle.reject(FundingProposalProcess.PROGRAMME.of(execution), Typed.REVIEW_COMMENT.recorded(execution),
				Typed.REVIEWED_BY.recorded(execution));
	}

}
