package org.coopflow.pledges;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark pledge lapsed": the lapse date passed without a signed agreement. */
@Component
class MarkPledgeLapsedDelegate implements JavaDelegate {

	private final PledgeClosing pledges;

	MarkPledgeLapsedDelegate(PledgeClosing pledges) {
		this.pledges = pledges;
	}

	@Override
	public void execute(DelegateExecution execution) {
		pledges.lapse(DonorPledgeProcess.PLEDGE.of(execution));
	}

}
