package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.programmes.ImplementationLifecycle;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeStatus;
import org.springframework.stereotype.Component;

/**
 * The implementation ends and the programme is CLOSED. The model's end event then terminates the process,
 * so that a progress report still open (its period came due while the last activities ran) does not keep
 * reminding anyone of a closed programme; its record says the final report superseded it.
 */
@Component
class CloseProgrammeDelegate implements JavaDelegate {

	private final ImplementationProgress activities;

	private final ImplementationLifecycle lifecycle;

	private final ProgrammeCatalogue programmes;

	private final ImplementationReports reports;

	CloseProgrammeDelegate(ImplementationProgress activities, ImplementationLifecycle lifecycle, ProgrammeCatalogue programmes,
			ImplementationReports reports) {
		this.activities = activities;
		this.reports = reports;
		this.lifecycle = lifecycle;
		this.programmes = programmes;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long programmeId = ImplementationRecords.programmeId(execution);
		activities.closeImplementation(programmeId);
		reports.supersedeOpenProgressReports(programmeId);
		if (programmes.find(programmeId).map(p -> p.status() != ProgrammeStatus.CLOSED).orElse(false)) {
			lifecycle.close(programmeId, "coopflow");
		}
	}

}
