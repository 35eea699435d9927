package org.coopflow.activities;

import org.coopflow.activities.ImplementationProcess.Typed;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/** Records what becomes of the funds left unspent: returned to the donors, or reprogrammed. */
@Component
class UnspentFundsTaskListener implements TaskListener {

	private final ImplementationProgress activities;

	private final ImplementationFacts facts;

	UnspentFundsTaskListener(ImplementationProgress activities, ImplementationFacts facts) {
		this.activities = activities;
		this.facts = facts;
	}

	@Override
	public void notify(DelegateTask task) {
		String by = TaskCompletion.completedBy(task);
		String choice = Typed.UNSPENT_FUNDS_CHOICE.answer(task, "choose RETURN or REPROGRAMME");
		UnspentFundsChoice chosen;
		try {
			chosen = UnspentFundsChoice.valueOf(choice.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(Typed.UNSPENT_FUNDS_CHOICE.name(), "must be RETURN or REPROGRAMME, not '" + choice + "'");
		}
		String reason = Typed.UNSPENT_FUNDS_REASON.answer(task,
				"must say why; the donors read it with the final report");
		long programmeId = ImplementationRecords.programmeId(task);
		activities.recordUnspentFunds(programmeId, facts.unspent(programmeId), chosen, reason, by);
	}

}
