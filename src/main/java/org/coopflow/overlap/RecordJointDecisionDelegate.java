package org.coopflow.overlap;

import org.coopflow.overlap.OverlapReviewProcess.Typed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.overlap.OverlapReviewProcess.OfficeReview;
import org.springframework.stereotype.Component;

/**
 * "Record joint decision": when both offices proposed the same, that is the decision, with both
 * reasons; otherwise the settled one. Decided by both reviewers, and whoever recorded the settlement.
 * The proposals are read from the alert, where each coordinator's completion kept them: the process
 * never holds them (see {@link ReviewOverlapAlertTaskListener}).
 */
@Component
class RecordJointDecisionDelegate implements JavaDelegate {

	private final AlertReview review;

	RecordJointDecisionDelegate(AlertReview review) {
		this.review = review;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long alertId = OverlapReviewProcess.ALERT.of(execution);
		Map<String, AlertReview.Proposal> proposed = review.proposals(alertId);
		List<AlertReview.Proposal> proposals = new ArrayList<>();
		for (OfficeReview office : OfficeReview.values()) {
			AlertReview.Proposal proposal = proposed.get(office.office().name());
			if (proposal == null) {
				throw new IllegalStateException("Alert " + alertId + " has no proposal of " + office.office()
						+ ", so no joint decision is recorded");
			}
			proposals.add(proposal);
		}
		Set<String> decidedBy = new LinkedHashSet<>();
		proposals.forEach(proposal -> decidedBy.add(proposal.by()));
		// the same test as the gateway "Coordinators agree?": the settlement counts only when they differed
		if (proposals.get(0).decision() == proposals.get(1).decision()) {
			review.decide(alertId, proposals.get(0).decision(), bothReasons(proposals), List.copyOf(decidedBy));
			return;
		}
		decidedBy.add(Typed.SETTLED_BY.recorded(execution));
		review.decide(alertId, Typed.JOINT_DECISION.recorded(execution),
				Typed.JOINT_REASON.orNull(execution), List.copyOf(decidedBy));
	}

	/** "CPCJD: …" and "OHCHR: …" on a line each, leaving out an office that gave none; null when neither did. */
	private static String bothReasons(List<AlertReview.Proposal> proposals) {
		List<String> reasons = new ArrayList<>();
		OfficeReview[] offices = OfficeReview.values();
		for (int i = 0; i < offices.length; i++) {
			String reason = proposals.get(i).reason();
			if (reason != null) {
				reasons.add(offices[i].office() + ": " + reason);
			}
		}
		return reasons.isEmpty() ? null : String.join("\n", reasons);
	}

}
