package org.coopflow.pledges;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.pledges.DonorPledgeProcess.Variables;
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
		pledges.remindOfInstalment(PledgeVariables.pledgeId(execution),
				((Number) execution.getVariable(Variables.INSTALMENT)).intValue(), false);
	}

}
