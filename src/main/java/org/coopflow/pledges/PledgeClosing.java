package org.coopflow.pledges;

import static org.coopflow.pledges.PledgeTransitions.SYSTEM_USER;

import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.programmes.FundingLedger;
import org.coopflow.security.CoopflowUser;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a pledge ends before it is paid: the donor withdraws it, the office cancels it, it lapses without an
 * agreement, or the programme it funds is cancelled; each says why, and the programme stops counting it.
 */
@Component
@Transactional
class PledgeClosing extends PledgeUseCase {

	PledgeClosing(PledgeRepository pledges, PledgeAccess access, PledgeTransitions transitions, PledgeViews views,
			FundingLedger ledger) {
		super(pledges, access, transitions, views, ledger);
	}

	/** A donor takes back a pledge not yet agreed. */
	PledgeView withdraw(CoopflowUser donor, long id, String reason) {
		Pledge pledge = access.ownForDonor(donor, id, "withdraw");
		if (!pledge.status().isDonorChangeable()) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status()
					+ "; a donor can withdraw only a DRAFT or PLEDGED pledge. After the agreement, ask the office to cancel it.");
		}
		transitions.close(pledge, PledgeStatus.WITHDRAWN, donor.getUsername(), "WITHDRAWN",
				reason == null || reason.isBlank() ? "Withdrawn by the donor" : reason.trim());
		return views.current(id);
	}

	/** An officer of the pledge's office cancels it before full payment; the reason is required. */
	PledgeView cancel(CoopflowUser officer, long id, String reason) {
		Pledge pledge = access.forOfficer(officer, id, "cancel");
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "say why the pledge is cancelled; the donor is told");
		}
		if (!pledge.status().canBecome(PledgeStatus.CANCELLED)) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status() + "; only a pledge not yet fully paid"
					+ " (PLEDGED, COMMITTED or PARTIALLY_PAID) can be cancelled.");
		}
		transitions.close(pledge, PledgeStatus.CANCELLED, officer.getUsername(), "CANCELLED", reason.trim());
		return views.current(id);
	}

	/** The lapse date passed without an agreement. */
	void lapse(long id) {
		Pledge pledge = access.pledge(id);
		if (pledge.status() != PledgeStatus.PLEDGED) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status() + "; only a PLEDGED pledge lapses.");
		}
		transitions.close(pledge, PledgeStatus.LAPSED, SYSTEM_USER, "LAPSED", "No agreement was signed by the lapse date "
				+ pledge.lapseDate());
	}

	/**
	 * A programme was cancelled before it was funded. Pledges earmarked to it cannot be kept and are
	 * cancelled (the donor is told why and may pledge again); pledges only allocated to it lose the
	 * allocation, and an officer allocates them anew.
	 */
	void programmeCancelled(long programmeId, String reason) {
		for (Pledge pledge : pledges.list(null, null, programmeId, null, 0, Integer.MAX_VALUE)) {
			if (pledge.status().isFinal() || pledge.status() == PledgeStatus.DRAFT) {
				continue;
			}
			String why = "Programme " + programmeId + " was cancelled" + (reason == null ? "" : ": " + reason);
			if (pledge.programmeId() != null && pledge.programmeId() == programmeId) {
				transitions.close(pledge, PledgeStatus.CANCELLED, SYSTEM_USER, "CANCELLED", why);
			}
			else if (pledge.allocatedProgrammeId() != null && pledge.allocatedProgrammeId() == programmeId) {
				transitions.transition(pledge, pledge.status(), SYSTEM_USER, "ALLOCATION_RELEASED",
						why + "; allocate the pledge anew", new PledgeChange.AllocationReleased());
				ledger.release(programmeId, pledge.ref());
			}
		}
	}

}
