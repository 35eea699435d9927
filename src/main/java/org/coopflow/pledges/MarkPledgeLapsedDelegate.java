package org.coopflow.pledges;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark pledge lapsed": the lapse date passed without a signed agreement. */
@Component
class MarkPledgeLapsedDelegate implements JavaDelegate {

	private final PledgeService pledges;

	MarkPledgeLapsedDelegate(PledgeService pledges) {
		this.pledges = pledges;
	}

	@Override
	public void execute(DelegateExecution execution) {
		pledges.lapse(PledgeVariables.pledgeId(execution));
	}

}
