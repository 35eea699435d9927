package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/**
 * Completes "Record meeting report" only with the experts' answers to the three questions of para. 7,
 * and only once the meeting has its participants and its funding (the service says which is missing).
 */
@Component
class RecordMeetingReportTaskListener implements TaskListener {

	private final ExpertMeetings details;

	private final ImplementationRecords records;

	RecordMeetingReportTaskListener(ExpertMeetings details, ImplementationRecords records) {
		this.details = details;
		this.records = records;
	}

	@Override
	public void notify(DelegateTask task) {
		String by = TaskCompletion.completedBy(task);
		details.recordReport(records.activityId(task),
				new MeetingReportAnswers(ActivityTypeTasks.Answers.ANSWER_DUPLICATION.orNull(task),
						ActivityTypeTasks.Answers.ANSWER_NECESSITY.orNull(task),
						ActivityTypeTasks.Answers.ANSWER_LEGAL_SYSTEMS.orNull(task)),
				ActivityTypeTasks.Answers.MEETING_SUMMARY.orNull(task), by);
		ActivityTypeTasks.forget(task, ActivityTypeTasks.ANSWER_DUPLICATION, ActivityTypeTasks.ANSWER_NECESSITY,
				ActivityTypeTasks.ANSWER_LEGAL_SYSTEMS, ActivityTypeTasks.MEETING_SUMMARY);
	}

}
