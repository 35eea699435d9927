package org.coopflow.overlap;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stands in for the alerts store until it arrives with the overlap-alerts issue, so that the review
 * process's delegates have an {@link AlertReview} to call: it knows no alert and records nothing, and
 * says so in the log each time. The alerts store replaces it: remove this class then.
 */
@Component
class PendingAlertReview implements AlertReview {

	private static final Logger log = LoggerFactory.getLogger(PendingAlertReview.class);

	@Override
	public AlertFacts facts(long alertId) {
		log.info("Overlap alert {} has no facts to show: the alerts store arrives with the overlap-alerts issue", alertId);
		ProgrammeSide unknown = new ProgrammeSide(0, "", "(not stored yet)", "", "", "", "", "", "", "");
		return new AlertFacts(alertId, "", "", false, "", unknown, unknown);
	}

	@Override
	public void decide(long alertId, CoordinatorDecision decision, String reason, List<String> decidedBy) {
		log.info("Decision {} on overlap alert {} by {} was not recorded: the alerts store arrives with the overlap-alerts issue",
				decision, alertId, decidedBy);
	}

	@Override
	public void remind(long alertId) {
		log.info("Nobody was reminded of overlap alert {}: the alerts store arrives with the overlap-alerts issue", alertId);
	}

	@Override
	public void escalate(long alertId) {
		log.info("Overlap alert {} was not escalated: the alerts store arrives with the overlap-alerts issue", alertId);
	}

}
