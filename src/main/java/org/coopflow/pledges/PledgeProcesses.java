package org.coopflow.pledges;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.coopflow.pledges.DonorPledgeProcess.Messages;
import org.coopflow.pledges.DonorPledgeProcess.Variables;
import org.coopflow.pledges.PledgeEvents.PaymentReported;
import org.coopflow.pledges.PledgeEvents.PledgeAnnounced;
import org.coopflow.pledges.PledgeEvents.PledgeClosed;
import org.coopflow.programmes.ProgrammeCancelled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the donor pledge process for each announced pledge and tells it what donors and officers do
 * through the API. The listeners run in the publisher's transaction: a pledge is never recorded
 * without its process, nor a withdrawal without the process ending.
 * <p>
 * A change the process makes itself (a lapse, a declined verification) is published while one of its
 * own tasks or timers runs; the process already knows, so nothing is correlated back into it. Changes
 * made from other processes (a cancelled programme) are passed on like the API's.
 */
@Component
class PledgeProcesses {

	private static final Logger log = LoggerFactory.getLogger(PledgeProcesses.class);

	private final RuntimeService runtime;

	private final PledgeClosing pledges;

	PledgeProcesses(RuntimeService runtime, PledgeClosing pledges) {
		this.runtime = runtime;
		this.pledges = pledges;
	}

	@EventListener
	void on(PledgeAnnounced announced) {
		runtime.startProcessInstanceByKey(DonorPledgeProcess.PROCESS_KEY,
				DonorPledgeProcess.businessKey(announced.pledgeId()),
				Map.of(Variables.OFFICE, announced.office().name(), Variables.DONOR, announced.donor()));
	}

	/**
	 * When the process is not waiting (an officer is confirming another payment), the payment is picked
	 * up as soon as that confirmation is recorded: "Payments waiting for confirmation?" asks the record.
	 */
	@EventListener
	void on(PaymentReported reported) {
		correlate(Messages.PAYMENT_REPORTED, reported.pledgeId());
	}

	@EventListener
	void on(ProgrammeCancelled cancelled) {
		pledges.programmeCancelled(cancelled.programmeId(), cancelled.reason());
	}

	@EventListener
	void on(PledgeClosed closed) {
		correlate(Messages.PLEDGE_CLOSED, closed.pledgeId());
	}

	/** Whether the change was made by a task or timer of this pledge's own process. */
	private static boolean insideOwnProcess(long pledgeId) {
		BpmnExecutionContext context = Context.getBpmnExecutionContext();
		return context != null && context.getExecution() != null
				&& DonorPledgeProcess.businessKey(pledgeId).equals(context.getExecution().getProcessBusinessKey());
	}

	private void correlate(String message, long pledgeId) {
		if (insideOwnProcess(pledgeId)) {
			return;
		}
		int correlated = runtime.createMessageCorrelation(message)
			.processInstanceBusinessKey(DonorPledgeProcess.businessKey(pledgeId))
			.correlateAllWithResult()
			.size();
		if (correlated == 0) {
			log.debug("No donor pledge process of pledge {} waits for {}", pledgeId, message);
		}
	}

}
