package org.coopflow.programmes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.coopflow.programmes.FundingProposalProcess.Messages;
import org.coopflow.programmes.FundingProposalProcess.Variables;
import org.coopflow.reference.Office;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Starts the funding proposal process for a submitted programme and passes it what other modules
 * decide. The process instance's business key is the programme id, so Cockpit finds it by programme.
 * <p>
 * The listeners run in the publisher's transaction: the message is received together with the change
 * that caused it, or not at all. The process continues asynchronously after each message, so a
 * failure further on becomes an incident instead of undoing the coordinators' or donors' work.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class FundingProposals {

	private static final Logger log = LoggerFactory.getLogger(FundingProposals.class);

	private final RuntimeService runtime;

	FundingProposals(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/**
	 * Starts the process for a programme that was just submitted (the caller has moved it to SUBMITTED).
	 * @return the process instance id
	 * @throws IllegalStateException when a funding proposal process already runs for the programme
	 */
	public String start(long programmeId, Office office, String submittedBy, int fundingDeadlineDays) {
		String businessKey = FundingProposalProcess.businessKey(programmeId);
		if (runtime.createProcessInstanceQuery()
			.processDefinitionKey(FundingProposalProcess.PROCESS_KEY)
			.processInstanceBusinessKey(businessKey)
			.count() > 0) {
			throw new IllegalStateException("A funding proposal process already runs for programme " + programmeId);
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(Variables.PROGRAMME_ID, programmeId);
		variables.put(Variables.OFFICE, office.name());
		variables.put(Variables.SUBMITTED_BY, submittedBy);
		variables.put(Variables.FUNDING_DEADLINE, FundingProposalProcess.fundingDeadline(fundingDeadlineDays));
		ProcessInstance instance = runtime.startProcessInstanceByKey(FundingProposalProcess.PROCESS_KEY, businessKey,
				variables);
		return instance.getId();
	}

	/** Starts the process with the default funding deadline of 90 days. */
	public String start(long programmeId, Office office, String submittedBy) {
		return start(programmeId, office, submittedBy, FundingProposalProcess.DEFAULT_FUNDING_DEADLINE_DAYS);
	}

	@EventListener
	void on(OverlapReviewed reviewed) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Variables.OVERLAP_DECISION, reviewed.decision().name());
		variables.put(Variables.OVERLAP_COMMENT, reviewed.comment() == null ? "" : reviewed.comment());
		correlate(Messages.OVERLAP_REVIEWED, reviewed.programmeId(), variables);
	}

	@EventListener
	void on(FundingTargetReached reached) {
		correlate(Messages.FUNDING_REACHED, reached.programmeId(), Map.of());
	}

	/**
	 * A message nobody waits for is normal here: alerts are also raised against programmes long past
	 * review, and pledges can complete the funding of a programme already funded or being decided on.
	 */
	private void correlate(String message, long programmeId, Map<String, Object> variables) {
		List<MessageCorrelationResult> correlated = runtime.createMessageCorrelation(message)
			.processInstanceBusinessKey(FundingProposalProcess.businessKey(programmeId))
			.setVariables(variables)
			.correlateAllWithResult();
		if (correlated.isEmpty()) {
			log.info("No funding proposal process of programme {} waits for {}; ignored", programmeId, message);
		}
	}

}
