package org.coopflow.activities;

import org.coopflow.activities.ImplementationProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/**
 * Records a second officer's review of a progress report. The gateway after the task reads
 * {@code reportAccepted} from the task's own execution path, set here from the stored decision.
 */
@Component
class ReviewProgressReportTaskListener implements TaskListener {

	private final ImplementationReports reports;

	ReviewProgressReportTaskListener(ImplementationReports reports) {
		this.reports = reports;
	}

	@Override
	public void notify(DelegateTask task) {
		String by = TaskCompletion.completedBy(task);
		boolean accepted = Typed.REPORT_ACCEPTED.answer(task, "choose whether the report is accepted or returned");
		reports.review(ImplementationRecords.programmeId(task), task.getId(), accepted, Typed.REVIEW_COMMENT.orNull(task), by);
		task.removeVariable(Typed.REVIEW_COMMENT.name());
		Typed.REPORT_ACCEPTED.set(task.getExecution(), accepted);
	}

}
