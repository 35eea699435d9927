package org.coopflow.pledges;

import java.time.Clock;
import java.time.Instant;

import org.coopflow.pledges.PledgeEvents.PledgeClosed;
import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.programmes.FundingLedger;
import org.coopflow.shared.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a pledge changes: allowed by {@link PledgeStatus}, conditional on the version read (so a
 * concurrent change is refused, never overwritten), and written to the pledge's timeline.
 */
@Component
class PledgeTransitions {

	/** Who acts when the process itself changes a pledge (an automatic allocation, a lapse). */
	static final String SYSTEM_USER = "coopflow";

	private final PledgeRepository pledges;

	private final FundingLedger ledger;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PledgeTransitions(PledgeRepository pledges, FundingLedger ledger, ApplicationEventPublisher events,
			Clock clock) {
		this.pledges = pledges;
		this.ledger = ledger;
		this.events = events;
		this.clock = clock;
	}

	void transition(Pledge pledge, PledgeStatus next, String actor, String kind, String detail, PledgeChange change) {
		if (next != pledge.status() && !pledge.status().canBecome(next)) {
			throw new ConflictException("Pledge " + pledge.id() + " is " + pledge.status() + " and cannot become " + next + ".");
		}
		Instant now = clock.instant();
		if (!pledges.update(pledge.id(), pledge.version(), next, change, actor, now)) {
			throw new ConflictException("Pledge " + pledge.id() + " was changed by someone else just now; reload it and try again.");
		}
		pledges.insertEvent(pledge.id(), pledge.version() + 1, kind, next, actor, now, detail);
	}

	/** A final status: the programme the pledge counted in no longer counts it, and the donor is told. */
	void close(Pledge pledge, PledgeStatus status, String actor, String kind, String reason) {
		transition(pledge, status, actor, kind, reason, new PledgeChange.Closed(reason));
		if (pledge.fundedProgramme() != null && pledge.status() != PledgeStatus.DRAFT) {
			ledger.release(pledge.fundedProgramme(), pledge.ref());
		}
		events.publishEvent(new PledgeClosed(pledge.id(), pledge.donor(), pledge.office(), status, reason));
	}

}
