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
			throw changedMeanwhile(pledge.id());
		}
		pledges.insertEvent(pledge.id(), pledge.version() + 1, kind, next, actor, now, detail);
	}

	/**
	 * As {@link #transition}, for a pledge not read first: the update itself checks that the pledge is still
	 * {@code expected} (and what the change asks besides, {@link PledgeChange#onlyIf}), and the row it wrote
	 * is read back, for its timeline's version and for what else the transaction asks of the pledge.
	 * @return false, changing nothing, when the pledge is not (or does not exist)
	 */
	boolean transitionIf(long id, PledgeStatus expected, PledgeStatus next, String actor, String kind, String detail,
			PledgeChange change) {
		if (next != expected && !expected.canBecome(next)) {
			throw new IllegalArgumentException("A " + expected + " pledge cannot become " + next + ".");
		}
		Instant now = clock.instant();
		if (!pledges.updateIf(id, expected, next, change, actor, now)) {
			return false;
		}
		Pledge written = pledges.find(id).orElseThrow();
		pledges.insertEvent(id, written.version(), kind, next, actor, now, detail);
		return true;
	}

	static ConflictException changedMeanwhile(long id) {
		return new ConflictException("Pledge " + id + " was changed by someone else just now; reload it and try again.");
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
