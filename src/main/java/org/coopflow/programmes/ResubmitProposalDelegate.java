package org.coopflow.programmes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * "Resubmit proposal": the submitter finished revising it. The history records who really completed
 * the revision (the signed-in user), falling back to the recorded submitter, never a process variable.
 */
@Component
class ResubmitProposalDelegate implements JavaDelegate {

	private final ProposalLifecycle lifecycle;

	ResubmitProposalDelegate(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long programmeId = FundingProposalProcess.PROGRAMME.of(execution);
		Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String by = current != null && current.getUserId() != null ? current.getUserId()
				: lifecycle.facts(programmeId).submittedBy();
		lifecycle.submit(programmeId, by);
	}

}
