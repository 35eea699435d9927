package org.coopflow.pledges;

import org.coopflow.pledges.DonorPledgeProcess.Typed;
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
		Long programmeId = Typed.PROGRAMME_ID.orNull(execution);
		if (programmeId == null) {
			throw new org.coopflow.shared.InvalidInputException(Variables.PROGRAMME_ID, "choose the programme this pledge funds");
		}
		pledges.allocate(DonorPledgeProcess.PLEDGE.of(execution), Typed.DECIDED_BY.orNull(execution),
				programmeId);
	}

}
