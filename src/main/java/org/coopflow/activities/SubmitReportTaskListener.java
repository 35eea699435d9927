package org.coopflow.activities;

import org.coopflow.activities.ImplementationProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/** Stores the report the task was bound to, submitted under the signed-in officer. */
@Component
class SubmitReportTaskListener implements TaskListener {

	private final ImplementationReports reports;

	SubmitReportTaskListener(ImplementationReports reports) {
		this.reports = reports;
	}

	@Override
	public void notify(DelegateTask task) {
		String by = TaskCompletion.completedBy(task);
		reports.submit(ImplementationRecords.programmeId(task), task.getId(), Typed.REPORT_SUMMARY.orNull(task), by);
		// the report is kept in its own table; as a process variable it would only go stale
		task.removeVariable("reportSummary");
	}

}
