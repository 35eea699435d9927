package org.coopflow.pledges;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import org.coopflow.reference.Currencies;
import org.coopflow.shared.ConflictException;
import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.pledges.PledgeRepository.Rate;
import org.coopflow.pledges.PledgeRepository.Revision;
import org.coopflow.programmes.FundingLedger;
import org.coopflow.programmes.FundingLedger.Stage;
import org.coopflow.reference.Amounts;
import org.coopflow.reference.ExchangeRateEntered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Re-rate provisional pledges": when a month's rate of a currency is entered, the pledges of that
 * month rated provisionally at an earlier month's rate take the month's rate. Each gets a new revision
 * (same amount and instalments, the new rate and USD amount), a RATE_CONFIRMED step in its timeline,
 * and the programme it counts in is restated at the new USD amount. Confirmed payments keep the USD
 * amount they were recorded at.
 * <p>
 * Runs in the transaction that enters the rate: the rate and every re-rating are stored together or
 * not at all. {@code ExchangeRates.forRating} orders provisional ratings against rate entries, so no
 * provisional rating commits unseen by the entry of its month's rate.
 */
@Component
class ProvisionalRates {

	private final PledgeRepository pledges;

	private final FundingLedger ledger;

	private final Clock clock;

	ProvisionalRates(PledgeRepository pledges, FundingLedger ledger, Clock clock) {
		this.pledges = pledges;
		this.ledger = ledger;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void rateEntered(ExchangeRateEntered entered) {
		for (Pledge pledge : pledges.awaitingRateForUpdate(entered.currency(), entered.month().atDay(1))) {
			rerate(pledge, entered);
		}
	}

	private void rerate(Pledge pledge, ExchangeRateEntered entered) {
		Instant now = clock.instant();
		BigDecimal unitsPerUsd = Currencies.rate(entered.unitsPerUsd());
		BigDecimal amountUsd = Currencies.toUsd(pledge.amount(), unitsPerUsd);
		Rate rate = new Rate(unitsPerUsd, entered.month().atDay(1), amountUsd, null);
		int next = pledge.revision() + 1;
		String reason = "The UN operational rate of " + entered.month() + " (" + unitsPerUsd.stripTrailingZeros()
			.toPlainString() + " " + pledge.currency() + " per USD) replaces the provisional rate of "
				+ pledge.rateMonth().toString().substring(0, 7) + " (" + pledge.exchangeRate().stripTrailingZeros()
					.toPlainString()
				+ "): " + Amounts.format("USD", pledge.amountUsd()) + " -> " + Amounts.format("USD", amountUsd);
		pledges.insertRevision(pledge.id(), new Revision(next, pledge.amount(), pledge.currency(), rate,
				pledge.lapseDate(), reason, entered.enteredBy(), now), pledges.instalments(pledge.id(), pledge.revision()));
		// the row is locked since it was read, so the version cannot have moved on
		if (!pledges.update(pledge.id(), pledge.version(), pledge.status(), new PledgeChange.Revised(next, pledge.amount(), rate),
				entered.enteredBy(), now)) {
			throw new ConflictException("Pledge " + pledge.id() + " changed while it was re-rated; enter the rate again.");
		}
		pledges.insertEvent(pledge.id(), pledge.version() + 1, "RATE_CONFIRMED", pledge.status(), entered.enteredBy(),
				now, reason);
		for (Long programmeId : new Long[] { pledge.programmeId(), pledge.allocatedProgrammeId() }) {
			if (programmeId != null) {
				for (Stage stage : new Stage[] { Stage.PLEDGED, Stage.COMMITTED }) {
					ledger.restate(programmeId, pledge.ref(), stage, pledge.amount(), pledge.currency(), amountUsd,
							entered.month().atDay(1));
				}
			}
		}
	}

}
