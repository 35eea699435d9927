package org.coopflow.pledges;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.pledges.DonorPledgeProcess.Variables;
import org.springframework.stereotype.Component;

/** "Record agreement": the signed agreement makes the pledge COMMITTED. */
@Component
class RecordAgreementDelegate implements JavaDelegate {

	private final PledgeAgreement pledges;

	RecordAgreementDelegate(PledgeAgreement pledges) {
		this.pledges = pledges;
	}

	@Override
	public void execute(DelegateExecution execution) {
		pledges.recordAgreement(PledgeVariables.pledgeId(execution), PledgeVariables.text(execution, Variables.DECIDED_BY),
				PledgeVariables.date(execution, Variables.AGREEMENT_DATE),
				PledgeVariables.text(execution, Variables.AGREEMENT_REFERENCE));
	}

}
