package org.coopflow.pledges;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.pledges.DonorPledgeProcess.Variables;
import org.springframework.stereotype.Component;

/** "Record verification": a verified pledge goes on to the agreement; a declined one is cancelled with the reason. */
@Component
class RecordVerificationDelegate implements JavaDelegate {

	private final PledgeAgreement pledges;

	RecordVerificationDelegate(PledgeAgreement pledges) {
		this.pledges = pledges;
	}

	@Override
	public void execute(DelegateExecution execution) {
		boolean verified = PledgeVariables.yesNo(execution, Variables.PLEDGE_VERIFIED);
		pledges.verify(PledgeVariables.pledgeId(execution), PledgeVariables.text(execution, Variables.DECIDED_BY), verified,
				PledgeVariables.text(execution, Variables.VERIFICATION_NOTE));
		execution.setVariable(Variables.PLEDGE_VERIFIED, verified);
	}

}
