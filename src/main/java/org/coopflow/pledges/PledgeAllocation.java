package org.coopflow.pledges;

import org.coopflow.pledges.PledgeEvents.FundsAllocated;
import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.programmes.FundingLedger;
import org.coopflow.programmes.FundingLedger.Stage;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Allocate funds": an agreed pledge funds one programme of its office that fits its earmarking, and the
 * programme's funding entries move from pledged to committed (and received, for what has arrived).
 */
@Component
@Transactional
class PledgeAllocation extends PledgeUseCase {

	private final ApplicationEventPublisher events;

	PledgeAllocation(PledgeAccess access, PledgeTransitions transitions, FundingLedger ledger, PledgeRepository pledges,
			ApplicationEventPublisher events, PledgeViews views) {
		super(pledges, access, transitions, views, ledger);
		this.events = events;
	}

	/**
	 * "Allocate funds": the agreed money goes to a programme of the pledge's office that fits its
	 * earmarking. Its committed funding rises by the pledge, its received funding by what has arrived.
	 */
	PledgeView allocate(long id, String officer, long programmeId) {
		Pledge pledge = access.pledge(id);
		if (!PledgeStatus.FUNDING.contains(pledge.status())) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status()
					+ "; funds are allocated once the agreement is recorded.");
		}
		if (pledge.allocatedProgrammeId() != null) {
			throw new ConflictException("Pledge " + id + " is already allocated to programme "
					+ pledge.allocatedProgrammeId() + ".");
		}
		FundingLedger.Target target = ledger.target(programmeId)
			.orElseThrow(() -> new InvalidInputException("programmeId", "programme " + programmeId + " does not exist"));
		if (pledge.programmeId() != null && pledge.programmeId() != programmeId) {
			throw new InvalidInputException("programmeId",
					"the pledge is earmarked to programme " + pledge.programmeId() + "; it cannot fund another");
		}
		if (target.office() != pledge.office()) {
			throw new InvalidInputException("programmeId", "programme " + programmeId + " belongs to " + target.office()
					+ "; this pledge was made to " + pledge.office());
		}
		if (!target.acceptsFunding()) {
			throw new InvalidInputException("programmeId",
					"programme " + programmeId + " is " + target.status() + "; only approved programmes receive funds");
		}
		if (pledge.earmarking() == Earmarking.STANDARD && !target.standards().contains(pledge.earmarkTarget())) {
			throw new InvalidInputException("programmeId", "programme " + programmeId + " does not promote "
					+ pledge.earmarkTarget() + ", the standard this pledge is earmarked to");
		}
		if (pledge.earmarking() == Earmarking.COUNTRY && !target.countries().contains(pledge.earmarkTarget())) {
			throw new InvalidInputException("programmeId", "programme " + programmeId + " does not cover "
					+ pledge.earmarkTarget() + ", the country this pledge is earmarked to");
		}
		transitions.transition(pledge, pledge.status(), officer, "ALLOCATED", "Allocated to programme " + programmeId
				+ " (" + target.title() + ")", new PledgeChange.Allocated(programmeId));
		if (pledge.programmeId() != null) {
			ledger.record(programmeId, pledge.ref(), Stage.PLEDGED, pledge.amount().negate(), pledge.currency(),
					pledge.amountUsd().negate(), pledge.rateMonth());
		}
		ledger.record(programmeId, pledge.ref(), Stage.COMMITTED, pledge.amount(), pledge.currency(),
				pledge.amountUsd(), pledge.rateMonth());
		if (pledge.receivedAmount().signum() > 0) {
			ledger.record(programmeId, pledge.ref(), Stage.RECEIVED, pledge.receivedAmount(), pledge.currency(),
					pledges.receivedUsd(id), pledge.rateMonth());
		}
		events.publishEvent(new FundsAllocated(id, pledge.donor(), pledge.office(), programmeId));
		return views.current(id);
	}

}
