package org.coopflow.programmes;

import org.coopflow.programmes.FundingProposalProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Withdraw proposal": the coordinators found it duplicates another programme. */
@Component
class WithdrawProposalDelegate implements JavaDelegate {

	private final ProposalLifecycle lifecycle;

	WithdrawProposalDelegate(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reason = Typed.OVERLAP_COMMENT.orNull(execution);
		lifecycle.withdraw(FundingProposalProcess.PROGRAMME.of(execution),
				reason == null ? "Withdrawn after the coordinators' overlap review" : reason,
				FundingProposalProcess.SYSTEM_USER);
	}

}
