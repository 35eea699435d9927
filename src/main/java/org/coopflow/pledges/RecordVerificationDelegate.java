package org.coopflow.pledges;

import org.coopflow.pledges.DonorPledgeProcess.Typed;
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
		boolean verified = Typed.PLEDGE_VERIFIED.answer(execution, Typed.YES_OR_NO);
		pledges.verify(DonorPledgeProcess.PLEDGE.of(execution), Typed.DECIDED_BY.orNull(execution), verified,
				Typed.VERIFICATION_NOTE.orNull(execution));
		// the gateway reads the record; the model before 2026-12-06 routed on this variable, as a boolean, and
		// its instances may still wait at "Verify pledge"
		if (!Boolean.valueOf(verified).equals(execution.getVariable(Variables.PLEDGE_VERIFIED))) {
			Typed.PLEDGE_VERIFIED.setForThisStep(execution, verified);
		}
	}

}
