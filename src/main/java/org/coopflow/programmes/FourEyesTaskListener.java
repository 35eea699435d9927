package org.coopflow.programmes;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Four eyes on "Review proposal": whoever submitted the proposal may neither hold the review (claim it
 * or be assigned it) nor complete it. Candidate groups cannot express this, since the submitter is an
 * officer of the same office. The submitter is taken from the programme's own record as well as from
 * the process variable, because whoever completes a task can rewrite process variables.
 */
@Component
class FourEyesTaskListener implements TaskListener {

	private final ProposalLifecycle lifecycle;

	FourEyesTaskListener(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void notify(DelegateTask task) {
		Set<String> submitters = new HashSet<>();
		submitters.add(ProposalVariables.submittedBy(task.getExecution()));
		String recorded = lifecycle.facts(ProposalVariables.programmeId(task)).submittedBy();
		if (recorded != null) {
			submitters.add(recorded);
		}
		if (submitters.contains(task.getAssignee())) {
			throw refused(task.getAssignee());
		}
		if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
			if (current != null && submitters.contains(current.getUserId())) {
				throw refused(current.getUserId());
			}
		}
	}

	private static BadUserRequestException refused(String user) {
		return new BadUserRequestException(user
				+ " submitted this proposal and may not review it: another programme officer of the office reviews it (four-eyes principle).");
	}

}
