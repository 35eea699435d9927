package org.coopflow.pledges;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.pledges.DonorPledgeProcess.Variables;
import org.springframework.stereotype.Component;

/** "Record receipt": the officer's finding on the payment the task was bound to. */
@Component
class RecordReceiptDelegate implements JavaDelegate {

	private final PledgePayments pledges;

	RecordReceiptDelegate(PledgePayments pledges) {
		this.pledges = pledges;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long paymentId = PledgeVariables.number(execution, Variables.PAYMENT_ID);
		if (paymentId == null) {
			throw new IllegalStateException("\"Confirm receipt\" was completed without the payment it decides on");
		}
		pledges.decidePayment(PledgeVariables.pledgeId(execution), paymentId,
				PledgeVariables.text(execution, Variables.DECIDED_BY),
				PledgeVariables.yesNo(execution, Variables.PAYMENT_RECEIVED),
				PledgeVariables.text(execution, Variables.RECEIPT_NOTE));
	}

}
