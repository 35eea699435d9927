package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completes "Collect survey replies" only when at least one Member State was asked: the replies
 * themselves are recorded as they arrive (REST API), and those still missing are reminded by the
 * timer on this task.
 */
@Component
class CollectSurveyRepliesTaskListener implements TaskListener {

	private final SurveySupport details;

	private final ImplementationRecords records;

	CollectSurveyRepliesTaskListener(SurveySupport details, ImplementationRecords records) {
		this.details = details;
		this.records = records;
	}

	@Override
	public void notify(DelegateTask task) {
		details.surveyCollected(records.activityId(task));
	}

}
