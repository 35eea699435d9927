package org.coopflow.pledges;

import org.coopflow.pledges.DonorPledgeProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Report overdue instalment": the day after the due date, if the instalment is not fully paid. */
@Component
class ReportOverdueInstalmentDelegate implements JavaDelegate {

	private final PledgePayments pledges;

	ReportOverdueInstalmentDelegate(PledgePayments pledges) {
		this.pledges = pledges;
	}

	@Override
	public void execute(DelegateExecution execution) {
		pledges.remindOfInstalment(DonorPledgeProcess.PLEDGE.of(execution),
				Math.toIntExact(Typed.INSTALMENT.recorded(execution)), true);
	}

}
