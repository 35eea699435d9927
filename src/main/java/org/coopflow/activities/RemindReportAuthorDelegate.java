package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.activities.ImplementationProcess.Tasks;
import org.springframework.stereotype.Component;

/** A report is past its due date: the office's officers are reminded. */
@Component
class RemindReportAuthorDelegate implements JavaDelegate {

	private final ImplementationReports reports;

	RemindReportAuthorDelegate(ImplementationReports reports) {
		this.reports = reports;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReportKind kind = Tasks.REMIND_OF_FINAL_REPORT.equals(execution.getCurrentActivityId()) ? ReportKind.FINAL
				: ReportKind.PROGRESS;
		reports.overdue(ImplementationRecords.programmeId(execution), kind, false);
	}

}
