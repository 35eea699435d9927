package org.coopflow.pledges;

import java.time.Clock;
import java.time.Instant;

import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.pledges.PledgeRepository.Revision;
import org.coopflow.pledges.PledgeRequestCheck.Checked;
import org.coopflow.programmes.FundingLedger;
import org.coopflow.programmes.FundingLedger.Stage;
import org.coopflow.security.CoopflowUser;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Revise pledge": a donor changes the amount or the instalments before the agreement. The earlier amount,
 * with the rate it used, stays in the revisions; the new one uses this month's rate (provisional while it
 * is not entered).
 */
@Component
@Transactional
class PledgeRevisions extends PledgeUseCase {

	private final PledgeRequestCheck requests;

	private final Clock clock;

	private final PledgeMoney money;

	PledgeRevisions(PledgeRepository pledges, PledgeRequestCheck requests, PledgeAccess access,
			PledgeTransitions transitions, PledgeViews views, FundingLedger ledger, Clock clock, PledgeMoney money) {
		super(pledges, access, transitions, views, ledger);
		this.requests = requests;
		this.clock = clock;
		this.money = money;
	}

	PledgeView revise(CoopflowUser donor, long id, PledgeRevisionRequest revision) {
		Pledge pledge = access.ownForDonor(donor, id, "revise");
		if (revision.version() == null) {
			// a revision replaces the amount and the schedule: one made on a pledge read before another change
			// would undo that change unseen
			throw new InvalidInputException("version",
					"send the version you read, as If-Match header or as 'version' in the body, so that no change is lost");
		}
		PledgeAccess.checkVersion(pledge, revision.version());
		if (!pledge.status().isDonorChangeable()) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status()
					+ "; its amount can be changed only before the agreement (DRAFT or PLEDGED).");
		}
		if (revision.reason() == null || revision.reason().isBlank()) {
			throw new InvalidInputException("reason", "say why the amount changes; the history keeps it");
		}
		// the revision is checked as the request it would have been, with what cannot change kept
		PledgeRequest asRequest = new PledgeRequest(revision.amount(), pledge.currency(), pledge.earmarking(),
				pledge.earmarking() == Earmarking.PROGRAMME ? null : pledge.earmarkTarget(), pledge.programmeId(),
				pledge.earmarking() == Earmarking.PROGRAMME ? null : pledge.office(), pledge.lapseDate(),
				revision.instalments(), null, null);
		Checked checked = requests.check(asRequest, true);
		Instant now = clock.instant();
		int next = pledge.revision() + 1;
		pledges.insertRevision(id, new Revision(next, checked.amount(), checked.currency(), checked.rate(),
				pledge.lapseDate(), revision.reason().trim(), donor.getUsername(), now), checked.instalments());
		transitions.transition(pledge, pledge.status(), donor.getUsername(), "REVISED",
				"Amount " + money.text(pledge.amount(), pledge.currency()) + " -> " + money.text(checked.amount(), pledge.currency())
						+ " (revision " + next + "): " + revision.reason().trim(),
				new PledgeChange.Revised(next, checked.amount(), checked.rate()));
		if (pledge.status() == PledgeStatus.PLEDGED && pledge.programmeId() != null) {
			ledger.record(pledge.programmeId(), pledge.ref(), Stage.PLEDGED, checked.amount().subtract(pledge.amount()),
					pledge.currency(), checked.rate().amountUsd().subtract(pledge.amountUsd()), checked.rate().rateMonth());
		}
		return views.current(id);
	}

}
