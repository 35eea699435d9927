package org.coopflow.pledges;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Allocate to earmarked programme": a pledge earmarked to a programme funds that programme. */
@Component
class AllocateToEarmarkedProgrammeDelegate implements JavaDelegate {

	private final PledgeService pledges;

	AllocateToEarmarkedProgrammeDelegate(PledgeService pledges) {
		this.pledges = pledges;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long pledgeId = PledgeVariables.pledgeId(execution);
		pledges.allocate(pledgeId, PledgeService.SYSTEM_USER, pledges.facts(pledgeId).programmeId());
	}

}
