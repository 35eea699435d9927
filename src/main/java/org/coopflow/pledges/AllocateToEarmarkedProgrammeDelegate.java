package org.coopflow.pledges;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Allocate to earmarked programme": a pledge earmarked to a programme funds that programme. */
@Component
class AllocateToEarmarkedProgrammeDelegate implements JavaDelegate {

	private final PledgeAllocation allocation;

	private final PledgeQueries pledges;

	AllocateToEarmarkedProgrammeDelegate(PledgeAllocation allocation, PledgeQueries pledges) {
		this.allocation = allocation;
		this.pledges = pledges;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long pledgeId = DonorPledgeProcess.PLEDGE.of(execution);
		allocation.allocate(pledgeId, PledgeTransitions.SYSTEM_USER, pledges.pledge(pledgeId).programmeId());
	}

}
