package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Remind non-respondents", on the reminder cycle of "Collect survey replies": counts a reminder on
 * every questionnaire without a reply; the notifications module mails the Member States concerned.
 */
@Component
class RemindNonRespondentsDelegate implements JavaDelegate {

	private final Activities activities;

	private final SurveySupport details;

	private final ImplementationRecords records;

	RemindNonRespondentsDelegate(Activities activities, SurveySupport details, ImplementationRecords records) {
		this.activities = activities;
		this.details = details;
		this.records = records;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long activityId = records.activityId(execution);
		// the timer may fire in the moment between a cancellation and the end of the activity's branch;
		// a cancelled activity's Member States hear nothing more, and no incident is raised for it
		if (activities.find(activityId).status() == ActivityStatus.CANCELLED) {
			return;
		}
		details.remindNonRespondents(activityId);
	}

}
