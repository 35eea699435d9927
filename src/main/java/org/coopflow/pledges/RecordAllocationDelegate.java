package org.coopflow.pledges;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.pledges.DonorPledgeProcess.Variables;
import org.springframework.stereotype.Component;

/** "Record allocation": the programme the officer chose in "Allocate funds". */
@Component
class RecordAllocationDelegate implements JavaDelegate {

	private final PledgeAllocation pledges;

	RecordAllocationDelegate(PledgeAllocation pledges) {
		this.pledges = pledges;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long programmeId = PledgeVariables.number(execution, Variables.PROGRAMME_ID);
		if (programmeId == null) {
			throw new org.coopflow.shared.InvalidInputException(Variables.PROGRAMME_ID, "choose the programme this pledge funds");
		}
		pledges.allocate(PledgeVariables.pledgeId(execution), PledgeVariables.text(execution, Variables.DECIDED_BY),
				programmeId);
	}

}
