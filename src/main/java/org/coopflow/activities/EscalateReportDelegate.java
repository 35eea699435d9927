package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.activities.ImplementationProcess.Tasks;
import org.springframework.stereotype.Component;

/** A report is long overdue: the office's coordinator is told. */
@Component
class EscalateReportDelegate implements JavaDelegate {

	private final ImplementationReports reports;

	EscalateReportDelegate(ImplementationReports reports) {
		this.reports = reports;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReportKind kind = Tasks.ESCALATE_FINAL_REPORT.equals(execution.getCurrentActivityId()) ? ReportKind.FINAL
				: ReportKind.PROGRESS;
		reports.overdue(ImplementationRecords.programmeId(execution), kind, true);
	}

}
