package org.coopflow.programmes;

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
		String comment = ProposalVariables.text(execution, Variables.COMMENT);
		lifecycle.returnForRevision(ProposalVariables.programmeId(execution), comment,
				ProposalVariables.text(execution, Variables.BY));
		execution.setVariable(Variables.REVISION_COMMENT, comment);
	}

}
