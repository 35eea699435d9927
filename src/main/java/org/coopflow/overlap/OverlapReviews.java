package org.coopflow.overlap;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.coopflow.overlap.OverlapReviewProcess.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the overlap review process for each new alert. The listener runs in the publisher's
 * transaction: an alert is never stored without its review, nor a review started for an alert that was
 * rolled back.
 */
@Component
class OverlapReviews {

	private static final Logger log = LoggerFactory.getLogger(OverlapReviews.class);

	private final RuntimeService runtime;

	OverlapReviews(RuntimeService runtime) {
		this.runtime = runtime;
	}

	@EventListener
	void on(OverlapAlertRaised raised) {
		String businessKey = OverlapReviewProcess.businessKey(raised.alertId());
		if (runtime.createProcessInstanceQuery()
			.processDefinitionKey(OverlapReviewProcess.PROCESS_KEY)
			.processInstanceBusinessKey(businessKey)
			.count() > 0) {
			log.info("The review of overlap alert {} runs already; not started again", raised.alertId());
			return;
		}
		runtime.startProcessInstanceByKey(OverlapReviewProcess.PROCESS_KEY, businessKey,
				Map.of(Variables.ALERT_ID, raised.alertId()));
	}

}
