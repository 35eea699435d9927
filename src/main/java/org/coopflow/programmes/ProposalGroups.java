package org.coopflow.programmes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.coopflow.reference.Office;
import org.coopflow.security.Role;
import org.springframework.stereotype.Component;

/**
 * The Camunda groups a proposal's tasks go to, taken from the programme itself rather than from the
 * {@code office} process variable: whoever completes a task may rewrite process variables, and must
 * not be able to send the next review to the other office. Used in the model as
 * {@code ${proposalGroups.officers(execution)}}.
 */
@Component("proposalGroups")
public class ProposalGroups {

	private final ProposalLifecycle lifecycle;

	ProposalGroups(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	Office office(DelegateExecution execution) {
		return lifecycle.facts(FundingProposalProcess.PROGRAMME.of(execution)).office();
	}

	public String officers(DelegateExecution execution) {
		return Role.PROGRAMME_OFFICER.groupOf(office(execution));
	}

	/** Who revises a returned proposal: its submitter as the programme records it. */
	public String submitter(DelegateExecution execution) {
		return lifecycle.facts(FundingProposalProcess.PROGRAMME.of(execution)).submittedBy();
	}

	/**
	 * When "Await funding" gives up: the deadline the programme records (set when it opened for funding
	 * or when the deadline was extended), not a process variable.
	 */
	public java.util.Date fundingDeadline(DelegateExecution execution) {
		java.time.Instant deadline = lifecycle.facts(FundingProposalProcess.PROGRAMME.of(execution)).fundingDeadlineAt();
		if (deadline == null) {
			throw new IllegalStateException("Programme " + FundingProposalProcess.PROGRAMME.of(execution)
					+ " is waiting for funding but has no funding deadline");
		}
		return java.util.Date.from(deadline);
	}

	/** Whether the programme's committed funding already covers its budget. */
	public boolean fullyFunded(DelegateExecution execution) {
		return lifecycle.fullyFunded(FundingProposalProcess.PROGRAMME.of(execution));
	}

	public String coordinators(DelegateExecution execution) {
		return Role.COORDINATOR.groupOf(office(execution));
	}

}
