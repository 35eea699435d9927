package org.coopflow.programmes;

import org.coopflow.programmes.FundingProposalProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.programmes.FundingProposalProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * "Return for revision", after the review or the coordinators' decision: the model maps whose
 * comment and which user into the task's local {@code comment} and {@code by}.
 */
@Component
class ReturnForRevisionDelegate implements JavaDelegate {

	private final ProposalLifecycle lifecycle;

	ReturnForRevisionDelegate(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String comment = Typed.COMMENT.recorded(execution);
		lifecycle.returnForRevision(FundingProposalProcess.PROGRAMME.of(execution), comment,
				Typed.BY.recorded(execution));
		execution.setVariable(Variables.REVISION_COMMENT, comment);
	}

}
