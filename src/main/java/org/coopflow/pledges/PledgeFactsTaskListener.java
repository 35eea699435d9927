package org.coopflow.pledges;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.pledges.DonorPledgeProcess.Tasks;
import org.coopflow.pledges.DonorPledgeProcess.Variables;
import org.coopflow.pledges.PledgeView.PaymentView;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/**
 * On create, gives each user task of the pledge process the facts its form shows, as task-local text
 * (they vanish with the task instead of going stale as process variables). "Confirm receipt" is
 * bound to the oldest unconfirmed payment. On complete, records who decided: the signed-in user,
 * never a value a client could send.
 */
@Component
class PledgeFactsTaskListener implements TaskListener {

	private final PledgeService pledges;

	PledgeFactsTaskListener(PledgeService pledges) {
		this.pledges = pledges;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			completed(task);
			return;
		}
		long pledgeId = PledgeVariables.pledgeId(task);
		PledgeView pledge = pledges.view(pledgeId);
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put(Variables.SUMMARY, summary(pledge));
		shown.put(Variables.SCHEDULE, pledge.instalments()
			.stream()
			.map(i -> i.seq() + ". " + i.dueDate() + ": " + pledge.currency() + " " + i.amount().toPlainString()
					+ (i.paidAmount().signum() > 0 ? " (paid " + i.paidAmount().toPlainString() + ")" : "")
					+ (i.overdue() ? " OVERDUE" : ""))
			.collect(Collectors.joining("\n")));
		if (Tasks.CONFIRM_RECEIPT.equals(task.getTaskDefinitionKey())) {
			PaymentView payment = pledges.nextPaymentToConfirm(pledgeId)
				.orElseThrow(() -> new IllegalStateException("Pledge " + pledgeId + " has no payment to confirm"));
			shown.put(Variables.PAYMENT_ID, payment.id());
			shown.put(Variables.PAYMENT_SUMMARY, pledge.currency() + " " + payment.amount().toPlainString() + " paid on "
					+ payment.paidOn() + (payment.reference() == null ? "" : ", reference " + payment.reference())
					+ ", reported by " + payment.reportedBy() + (payment.note() == null ? "" : ": " + payment.note()));
		}
		task.setVariablesLocal(shown);
	}

	private static void completed(DelegateTask task) {
		task.getExecution().setVariable(Variables.DECIDED_BY, TaskCompletion.completedBy(task));
		if (Tasks.CONFIRM_RECEIPT.equals(task.getTaskDefinitionKey())) {
			// the payment this task was bound to, unless the form named another; "Record receipt" refuses one
			// that is not of this process's pledge
			Object chosen = task.getVariable(Variables.PAYMENT_ID);
			task.getExecution().setVariable(Variables.PAYMENT_ID, chosen);
		}
	}

	private static String summary(PledgeView p) {
		return "Pledge " + p.id() + " by " + p.donor() + " to " + p.office() + ": " + p.currency() + " "
				+ p.amount().toPlainString() + " (USD " + p.amountUsd().toPlainString() + " at the " + p.rateMonth()
				+ " rate), earmarking " + p.earmarking() + (p.earmarkTarget() == null ? "" : " " + p.earmarkTarget())
				+ "; status " + p.status() + "; agreement due by " + p.lapseDate()
				+ (p.agreementReference() == null ? "" : "; agreement " + p.agreementReference() + " of " + p.agreementDate())
				+ (p.note() == null ? "" : ". Donor's note: " + p.note());
	}

}
