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
		CoordinatorDecision cpcjd = OfficeReview.CPCJD.decision().recorded(execution);
		CoordinatorDecision ohchr = OfficeReview.OHCHR.decision().recorded(execution);
		checkAgainstWhatWasProposed(alertId, execution);
		Set<String> decidedBy = new LinkedHashSet<>();
		for (OfficeReview office : OfficeReview.values()) {
			decidedBy.add(office.reviewedBy().recorded(execution));
		}
		// the same test as the gateway "Coordinators agree?": the settlement counts only when they differed
		if (cpcjd == ohchr) {
			review.decide(alertId, cpcjd, bothReasons(execution), List.copyOf(decidedBy));
			return;
		}
		decidedBy.add(Typed.SETTLED_BY.recorded(execution));
		review.decide(alertId, Typed.JOINT_DECISION.recorded(execution),
				Typed.JOINT_REASON.orNull(execution), List.copyOf(decidedBy));
	}

	/**
	 * An office's proposal in the variables must be the one its coordinator made: a completion of the
	 * other office's task through the engine's REST API could have rewritten it. Nothing is recorded
	 * then; the job fails into an incident for an administrator to look into.
	 */
	private void checkAgainstWhatWasProposed(long alertId, DelegateExecution execution) {
		Map<String, AlertReview.Proposal> proposed = review.proposals(alertId);
		for (OfficeReview office : OfficeReview.values()) {
			AlertReview.Proposal kept = proposed.get(office.office().name());
			if (kept == null) {
				continue;
			}
			boolean same = kept.decision() == office.decision().recorded(execution)
					&& kept.by().equals(office.reviewedBy().recorded(execution))
					&& java.util.Objects.equals(kept.reason(), office.reason().orNull(execution));
			if (!same) {
				throw new IllegalStateException("The " + office.office() + " proposal on alert " + alertId
						+ " in the process is not the one " + kept.by() + " made (" + kept.decision()
						+ "); it was changed after the review, so no decision is recorded.");
			}
		}
	}

	/** "CPCJD: …" and "OHCHR: …" on a line each, leaving out an office that gave none; null when neither did. */
	private static String bothReasons(DelegateExecution execution) {
		List<String> reasons = new ArrayList<>();
		for (OfficeReview office : OfficeReview.values()) {
			String reason = office.reason().orNull(execution);
			if (reason != null) {
				reasons.add(office.office() + ": " + reason);
			}
		}
		return reasons.isEmpty() ? null : String.join("\n", reasons);
	}

}
