package org.coopflow.pledges;

import org.coopflow.pledges.DonorPledgeProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind donor of instalment": sent before the due date unless the instalment is already paid. */
@Component
class RemindOfInstalmentDelegate implements JavaDelegate {

	private final PledgePayments pledges;

	RemindOfInstalmentDelegate(PledgePayments pledges) {
		this.pledges = pledges;
	}

	@Override
	public void execute(DelegateExecution execution) {
		pledges.remindOfInstalment(DonorPledgeProcess.PLEDGE.of(execution),
				Math.toIntExact(Typed.INSTALMENT.recorded(execution)), false);
	}

}
