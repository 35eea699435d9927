package org.coopflow.programmes;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.workflow.TaskCompletion;
import org.coopflow.workflow.TaskVisibility;
import org.springframework.stereotype.Component;

/**
 * Four eyes on "Review proposal": whoever submitted the proposal may neither see the review task nor
 * hold it (claim it or be assigned it) nor complete it. When the task is created, a Camunda REVOKE
 * authorization for the submitter hides it from them in Tasklist (a user's revoke outweighs their
 * group's grant); the checks on assignment and completion stay as a second line. Candidate groups cannot express this, since the submitter is an
 * officer of the same office. The submitter is taken from the programme's own record as well as from
 * not from a process variable, because whoever completes a task can rewrite process variables: everyone
 * who created, changed or submitted the proposal counts as its author.
 */
@Component
class FourEyesTaskListener implements TaskListener {

	private final ProposalLifecycle lifecycle;

	FourEyesTaskListener(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void notify(DelegateTask task) {
		// the programme's own record says who wrote it; process variables can be rewritten by anyone
		// who completes a task
		Set<String> submitters = new HashSet<>(lifecycle.facts(FundingProposalProcess.PROGRAMME.of(task)).authors());
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			TaskVisibility.hideFrom(task, submitters);
			return;
		}
		if (submitters.contains(task.getAssignee())) {
			throw refused(task.getAssignee());
		}
		if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			String completedBy = TaskCompletion.completedBy(task);
			if (submitters.contains(completedBy)) {
				throw refused(completedBy);
			}
		}
	}

	private static BadUserRequestException refused(String user) {
		return new BadUserRequestException(user
				+ " submitted this proposal and may not review it: another programme officer of the office reviews it (four-eyes principle).");
	}

}
