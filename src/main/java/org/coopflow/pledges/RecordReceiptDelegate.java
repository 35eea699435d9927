package org.coopflow.pledges;

import org.coopflow.pledges.DonorPledgeProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
		Long paymentId = Typed.PAYMENT_ID.orNull(execution);
		if (paymentId == null) {
			throw new IllegalStateException("\"Confirm receipt\" was completed without the payment it decides on");
		}
		pledges.decidePayment(DonorPledgeProcess.PLEDGE.of(execution), paymentId,
				Typed.DECIDED_BY.orNull(execution),
				Typed.PAYMENT_RECEIVED.answer(execution, Typed.YES_OR_NO),
				Typed.RECEIPT_NOTE.orNull(execution));
	}

}
