package org.coopflow.overlap;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the overlap review process reads of the coordinators' proposals (bean {@code alertProposals}):
 * the gateway "Coordinators agree?" asks here. The proposals live with the alert only, never in the
 * process's variables, which the other office's coordinator could read through the engine's task and
 * history APIs before proposing.
 */
@Component("alertProposals")
public class AlertProposals { // public: the engine's expression language calls it by reflection

	private final AlertReview review;

	AlertProposals(AlertReview review) {
		this.review = review;
	}

	/** "Coordinators agree?": both offices proposed, and proposed the same. */
	public boolean agree(DelegateExecution execution) {
		long alertId = OverlapReviewProcess.ALERT.of(execution);
		Map<String, AlertReview.Proposal> proposed = review.proposals(alertId);
		AlertReview.Proposal cpcjd = proposed.get(OverlapReviewProcess.OfficeReview.CPCJD.office().name());
		AlertReview.Proposal ohchr = proposed.get(OverlapReviewProcess.OfficeReview.OHCHR.office().name());
		if (cpcjd == null || ohchr == null) {
			throw new IllegalStateException("Both offices' reviews of alert " + alertId
					+ " are complete, but the alert keeps " + proposed.keySet() + "'s proposal only");
		}
		return cpcjd.decision() == ohchr.decision();
	}

}
