package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.programmes.ImplementationLifecycle;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeStatus;
import org.springframework.stereotype.Component;

/** The implementation ends and the programme is CLOSED. */
@Component
class CloseProgrammeDelegate implements JavaDelegate {

	private final ActivityService activities;

	private final ImplementationLifecycle lifecycle;

	private final ProgrammeCatalogue programmes;

	CloseProgrammeDelegate(ActivityService activities, ImplementationLifecycle lifecycle, ProgrammeCatalogue programmes) {
		this.activities = activities;
		this.lifecycle = lifecycle;
		this.programmes = programmes;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long programmeId = ImplementationVariables.programmeId(execution);
		activities.closeImplementation(programmeId);
		if (programmes.find(programmeId).map(p -> p.status() != ProgrammeStatus.CLOSED).orElse(false)) {
			lifecycle.close(programmeId, "coopflow");
		}
	}

}
