package org.coopflow.programmes;

import java.math.BigDecimal;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.programmes.FundingProposalProcess.Typed;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.programmes.FundingProposalProcess.PartialFundingDecision;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/**
 * Completes "Decide on partial funding" only with what the decision needs (a revised budget, extra
 * days or a reason), whether the answer comes from the form or the REST API. Records who decided.
 */
@Component
class DecidePartialFundingTaskListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		PartialFundingDecision decision = Typed.PARTIAL_FUNDING_DECISION.answer(task, "Choose a decision.");
		switch (decision) {
			case START_WITH_FUNDED -> {
				BigDecimal budget = Typed.REVISED_BUDGET.orNull(task);
				if (budget == null || budget.signum() <= 0) {
					throw new InvalidInputException(Typed.REVISED_BUDGET.name(),
							"Enter the revised budget to start with the funds committed: a positive amount in the programme's currency.");
				}
			}
			case EXTEND_DEADLINE -> {
				Long days = Typed.EXTENSION_DAYS.orNull(task);
				if (days == null || days <= 0 || days > Integer.MAX_VALUE) {
					throw new InvalidInputException(Typed.EXTENSION_DAYS.name(),
							"Enter by how many days to extend the funding deadline: a positive whole number.");
				}
			}
			case CANCEL -> {
				if (Typed.CANCELLATION_REASON.orNull(task) == null) {
					throw new InvalidInputException(Typed.CANCELLATION_REASON.name(),
							"Give the reason for cancelling the programme: it is recorded with the cancellation.");
				}
			}
		}
		Typed.DECIDED_BY.set(task.getExecution(), TaskCompletion.completedBy(task));
	}

}
