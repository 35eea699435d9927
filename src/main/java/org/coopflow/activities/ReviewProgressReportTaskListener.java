package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.activities.ImplementationProcess.Variables;
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
		Boolean accepted = ImplementationVariables.bool(task, Variables.REPORT_ACCEPTED);
		if (accepted == null) {
			throw new InvalidInputException(Variables.REPORT_ACCEPTED, "choose whether the report is accepted or returned");
		}
		reports.review(ImplementationRecords.programmeId(task), task.getId(), accepted, ImplementationVariables.text(task, "reviewComment"), by);
		task.removeVariable("reviewComment");
		task.getExecution().setVariable(Variables.REPORT_ACCEPTED, accepted);
	}

}
