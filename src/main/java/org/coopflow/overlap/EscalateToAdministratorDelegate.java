package org.coopflow.overlap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Escalate to administrator": still undecided 5 working days after the reminder, so the administrators
 * are asked (by mail) to step in. The tasks stay the coordinators': administrators (camunda-admin) may
 * already see and work every task, so no group or authorization is added.
 */
@Component
class EscalateToAdministratorDelegate implements JavaDelegate {

	private final AlertReview review;

	EscalateToAdministratorDelegate(AlertReview review) {
		this.review = review;
	}

	@Override
	public void execute(DelegateExecution execution) {
		review.escalate(OverlapReviewProcess.ALERT.of(execution));
	}

}
