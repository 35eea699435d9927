package org.coopflow.programmes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Mark programme funded": the lifecycle publishes ProgrammeFunded, which is the hand-over to
 * implementation; the process calls nothing else.
 */
@Component
class MarkProgrammeFundedDelegate implements JavaDelegate {

	private final ProposalLifecycle lifecycle;

	MarkProgrammeFundedDelegate(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.markFunded(FundingProposalProcess.PROGRAMME.of(execution), FundingProposalProcess.SYSTEM_USER);
	}

}
