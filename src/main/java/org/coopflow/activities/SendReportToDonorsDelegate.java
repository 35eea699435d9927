package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The final report goes to each Member State whose agreed pledges fund the programme. */
@Component
class SendReportToDonorsDelegate implements JavaDelegate {

	private final ImplementationReports reports;

	SendReportToDonorsDelegate(ImplementationReports reports) {
		this.reports = reports;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reports.sendFinalReportToDonors(ImplementationRecords.programmeId(execution));
	}

}
