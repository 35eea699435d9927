package org.coopflow.pledges;

import static org.coopflow.pledges.PledgeMoney.money;
import static org.coopflow.pledges.PledgeMoney.scaled;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.coopflow.pledges.PledgeRepository.Instalment;
import org.coopflow.pledges.PledgeRepository.Payment;
import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.pledges.PledgeView.InstalmentView;
import org.coopflow.pledges.PledgeView.PaymentView;
import org.springframework.stereotype.Component;

/**
 * A stored pledge as people and the process read it: amounts at their currency's scale, the instalment
 * schedule paid in due-date order, and what is overdue today.
 */
@Component
class PledgeViews {

	private final PledgeRepository pledges;

	private final PledgeClock clock;

	PledgeViews(PledgeRepository pledges, PledgeClock clock) {
		this.pledges = pledges;
		this.clock = clock;
	}

	/** The pledge as it is stored now (after the caller's change). */
	PledgeView current(long id) {
		return view(pledges.find(id).orElseThrow());
	}

	PledgeView view(Pledge p) {
		List<PaymentView> payments = pledges.payments(p.id()).stream().map(x -> payment(x, p.currency())).toList();
		List<InstalmentView> schedule = schedule(p);
		return new PledgeView(p.id(), p.donor(), p.office(), p.status(), p.earmarking(), p.earmarkTarget(),
				p.programmeId(), scaled(p.amount(), p.currency()), p.currency(), p.exchangeRate(),
				p.rateMonth().toString().substring(0, 7), p.rateProvisional(), p.amountUsd(), scaled(p.receivedAmount(), p.currency()),
				pledges.receivedUsd(p.id()).setScale(2), p.lapseDate(), schedule,
				schedule.stream().anyMatch(InstalmentView::overdue), payments, p.announcedAt(), p.verifiedAt(),
				p.agreementDate(), p.agreementReference(), p.agreedAt(), p.allocatedProgrammeId(), p.allocatedAt(),
				p.closedAt(), p.closedReason(), p.note(), p.revision(), p.version(), p.createdAt(), p.updatedAt());
	}

	static PaymentView payment(Payment x, String currency) {
		return new PaymentView(x.id(), scaled(x.amount(), currency), x.amountUsd(), x.paidOn(), x.reference(), x.status(),
				x.reportedBy(), x.reportedAt(), x.decidedBy(), x.decidedAt(), x.note());
	}

	/** Confirmed money pays instalments in due-date order; an unpaid one past its date is overdue. */
	List<InstalmentView> schedule(Pledge p) {
		BigDecimal left = p.receivedAmount();
		LocalDate today = clock.today();
		List<InstalmentView> schedule = new ArrayList<>();
		for (Instalment i : pledges.instalments(p.id(), p.revision())) {
			BigDecimal paid = left.min(i.amount()).max(BigDecimal.ZERO);
			left = left.subtract(paid);
			boolean overdue = p.status().expectsPayments() && i.dueDate().isBefore(today) && paid.compareTo(i.amount()) < 0;
			schedule.add(new InstalmentView(i.seq(), i.dueDate(), scaled(i.amount(), p.currency()),
					scaled(paid, p.currency()), overdue));
		}
		return schedule;
	}

	/** The pledge in one line of its timeline. */
	static String describe(Pledge p) {
		return money(p.amount(), p.currency()) + " (USD " + p.amountUsd().toPlainString() + " at " + p.exchangeRate()
				.stripTrailingZeros()
				.toPlainString() + " per USD" + (p.rateProvisional() ? ", provisionally the rate of "
						+ p.rateMonth().toString().substring(0, 7) + " until the rate of "
						+ p.awaitedRateMonth().toString().substring(0, 7) + " is entered" : "") + "), earmarked " + p.earmarking()
				+ (p.earmarkTarget() == null ? "" : " " + p.earmarkTarget()) + ", to " + p.office();
	}

}
