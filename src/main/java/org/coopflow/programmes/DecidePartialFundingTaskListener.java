package org.coopflow.programmes;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.programmes.FundingProposalProcess.PartialFundingDecision;
import org.coopflow.programmes.FundingProposalProcess.Variables;
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
		PartialFundingDecision decision = ProposalVariables.decision(task, Variables.PARTIAL_FUNDING_DECISION,
				PartialFundingDecision.class);
		switch (decision) {
			case START_WITH_FUNDED -> {
				if (ProposalVariables.positiveAmount(task, Variables.REVISED_BUDGET) == null) {
					throw new BadUserRequestException(
							"Enter the revised budget to start with the funds committed: a positive amount in the programme's currency.");
				}
			}
			case EXTEND_DEADLINE -> {
				if (ProposalVariables.positiveWholeNumber(task, Variables.EXTENSION_DAYS) == null) {
					throw new BadUserRequestException(
							"Enter by how many days to extend the funding deadline: a positive whole number.");
				}
			}
			case CANCEL -> {
				if (ProposalVariables.optionalText(task, Variables.CANCELLATION_REASON) == null) {
					throw new BadUserRequestException(
							"Give the reason for cancelling the programme: it is recorded with the cancellation.");
				}
			}
		}
		task.getExecution().setVariable(Variables.DECIDED_BY, TaskCompletion.completedBy(task));
	}

}
