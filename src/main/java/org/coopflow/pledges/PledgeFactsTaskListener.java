package org.coopflow.pledges;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.pledges.DonorPledgeProcess.Tasks;
import org.coopflow.pledges.DonorPledgeProcess.Typed;
import org.coopflow.pledges.DonorPledgeProcess.Variables;
import org.coopflow.pledges.PledgeView.PaymentView;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/**
 * On create, binds "Confirm receipt" to the oldest unconfirmed payment (task-local, so that it vanishes
 * with the task); the facts the forms show are read when a form opens ({@link PledgeTaskFacts}). On
 * complete, records who decided: the signed-in user, never a value a client could send.
 */
@Component
class PledgeFactsTaskListener implements TaskListener {

	private final PledgeQueries pledges;

	PledgeFactsTaskListener(PledgeQueries pledges) {
		this.pledges = pledges;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			completed(task);
			return;
		}
		long pledgeId = DonorPledgeProcess.PLEDGE.of(task);
		if (Tasks.CONFIRM_RECEIPT.equals(task.getTaskDefinitionKey())) {
			PaymentView payment = pledges.nextPaymentToConfirm(pledgeId)
				.orElseThrow(() -> new IllegalStateException("Pledge " + pledgeId + " has no payment to confirm"));
			task.setVariableLocal(Variables.PAYMENT_ID, payment.id());
		}
	}

	private static void completed(DelegateTask task) {
		// for the record step right after the task, in the same transaction, which records it on the pledge (who
		// verified, agreed, allocated, confirmed, and the timeline's actor); the engine's operation log keeps who
		// completed the task. Stored as well, it cost each completion three statements (the variable, its
		// history and its history's detail) for a third record of the same name
		Typed.DECIDED_BY.setForThisStep(task.getExecution(), TaskCompletion.completedBy(task));
		if (Tasks.CONFIRM_RECEIPT.equals(task.getTaskDefinitionKey())) {
			// the payment this task was bound to, unless the form named another; "Record receipt" refuses one
			// that is not of this process's pledge; the payment's row keeps the decision
			Typed.PAYMENT_ID.setForThisStep(task.getExecution(), Typed.PAYMENT_ID.orNull(task));
		}
	}

}
