package org.coopflow.programmes;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coopflow.programmes.FundingProposalProcess.Variables;
import org.springframework.stereotype.Component;

/** "Screen for overlaps": raises the alerts, and the proposal waits for the coordinators or for review. */
@Component
class ScreenForOverlapsDelegate implements JavaDelegate {

	private final OverlapScreening screening;

	private final ProposalLifecycle lifecycle;

	ScreenForOverlapsDelegate(OverlapScreening screening, ProposalLifecycle lifecycle) {
		this.screening = screening;
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long programmeId = FundingProposalProcess.PROGRAMME.of(execution);
		List<Long> alertIds = screening.screen(programmeId);
		boolean overlapFound = !alertIds.isEmpty();
		execution.setVariable(Variables.OVERLAP_FOUND, overlapFound);
		// text rather than a serialized list: readable in Cockpit and needs no object serialization format
		execution.setVariable(Variables.OVERLAP_ALERT_IDS,
				alertIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
		if (overlapFound) {
			lifecycle.awaitOverlapReview(programmeId);
		}
		else {
			lifecycle.awaitReview(programmeId);
		}
	}

}
