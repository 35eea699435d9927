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
		return lifecycle.facts(ProposalVariables.programmeId(execution)).office();
	}

	public String officers(DelegateExecution execution) {
		return Role.PROGRAMME_OFFICER.groupOf(office(execution));
	}

	/** Who revises a returned proposal: its submitter as the programme records it. */
	public String submitter(DelegateExecution execution) {
		return lifecycle.facts(ProposalVariables.programmeId(execution)).submittedBy();
	}

	public String coordinators(DelegateExecution execution) {
		return Role.COORDINATOR.groupOf(office(execution));
	}

}
