package org.coopflow.pledges;

import static org.coopflow.pledges.PledgeIntake.blankToNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.coopflow.pledges.PledgeEvents.AgreementRecorded;
import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Verify pledge" and "Conclude agreement": the office confirms a PLEDGED pledge is genuine (or declines
 * it), then records the signed agreement that makes it COMMITTED.
 */
@Component
@Transactional
class PledgeAgreement {

	private final PledgeAccess access;

	private final PledgeTransitions transitions;

	private final PledgeViews views;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PledgeAgreement(PledgeAccess access, PledgeTransitions transitions, PledgeViews views,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.transitions = transitions;
		this.views = views;
		this.events = events;
		this.clock = clock;
	}

	/** "Verify pledge": the officer confirms the pledge is genuine, or declines it with a reason. */
	void verify(long id, String officer, boolean verified, String note) {
		if (verified) {
			// the state checked by the update itself, one statement where a read and an update were two; the
			// pledge is read only to say why not
			if (!transitions.transitionIf(id, PledgeStatus.PLEDGED, PledgeStatus.PLEDGED, officer, "VERIFIED",
					blankToNull(note), new PledgeChange.Verified(officer))) {
				requireVerifiable(access.pledge(id));
				throw PledgeTransitions.changedMeanwhile(id);
			}
			return;
		}
		Pledge pledge = access.pledge(id);
		requireVerifiable(pledge);
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("verificationNote", "say why the pledge is declined; the donor is told");
		}
		transitions.close(pledge, PledgeStatus.CANCELLED, officer, "DECLINED", "Declined at verification: " + note.trim());
	}

	private static void requireVerifiable(Pledge pledge) {
		if (pledge.status() != PledgeStatus.PLEDGED || pledge.verifiedAt() != null) {
			throw new ConflictException("Pledge " + pledge.id() + " is " + pledge.status() + (pledge.verifiedAt() != null
					? " and already verified." : "; only a PLEDGED pledge is verified."));
		}
	}

	/** "Conclude agreement": the signed agreement makes the pledge COMMITTED. */
	PledgeView recordAgreement(long id, String officer, LocalDate agreementDate, String reference) {
		Pledge pledge = access.pledge(id);
		List<InvalidField> errors = new ArrayList<>();
		if (agreementDate == null) {
			errors.add(new InvalidField("agreementDate", "is required: the date the agreement was signed"));
		}
		else if (agreementDate.isAfter(LocalDate.now(clock))) {
			errors.add(new InvalidField("agreementDate", "cannot be in the future"));
		}
		if (reference == null || reference.isBlank()) {
			errors.add(new InvalidField("agreementReference", "is required: the agreement's reference or file number"));
		}
		else if (reference.length() > 200) {
			errors.add(new InvalidField("agreementReference", "must be at most 200 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (pledge.status() != PledgeStatus.PLEDGED) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status()
					+ "; an agreement is recorded only for a PLEDGED pledge.");
		}
		if (pledge.verifiedAt() == null) {
			throw new ConflictException("Pledge " + id + " has not been verified yet; verify it before the agreement.");
		}
		transitions.transition(pledge, PledgeStatus.COMMITTED, officer, "AGREEMENT_RECORDED",
				"Agreement " + reference.trim() + " signed on " + agreementDate,
				new PledgeChange.Agreed(agreementDate, reference.trim()));
		events.publishEvent(new AgreementRecorded(id, pledge.donor(), pledge.office(), agreementDate));
		return views.current(id);
	}

}
