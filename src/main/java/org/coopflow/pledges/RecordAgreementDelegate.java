package org.coopflow.pledges;

import org.coopflow.pledges.DonorPledgeProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
		pledges.recordAgreement(DonorPledgeProcess.PLEDGE.of(execution), Typed.DECIDED_BY.orNull(execution),
				Typed.AGREEMENT_DATE.orNull(execution),
				Typed.AGREEMENT_REFERENCE.orNull(execution));
	}

}
