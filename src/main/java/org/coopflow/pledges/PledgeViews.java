package org.coopflow.pledges;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.coopflow.pledges.PledgeRepository.Instalment;
import org.coopflow.pledges.PledgeRepository.Payment;
import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.pledges.PledgeView.InstalmentView;
import org.coopflow.pledges.PledgeView.PaymentView;
import org.coopflow.reference.Currencies;
import org.springframework.stereotype.Component;

/**
 * A stored pledge as people and the process read it: amounts at their currency's scale, the instalment
 * schedule paid in due-date order, and what is overdue today.
 */
@Component
class PledgeViews {

	private final PledgeRepository pledges;

	private final Clock clock;

	private final PledgeMoney money;

	PledgeViews(PledgeRepository pledges, Clock clock, PledgeMoney money) {
		this.pledges = pledges;
		this.clock = clock;
		this.money = money;
	}

	/** The pledge as it is stored now (after the caller's change). */
	PledgeView current(long id) {
		return view(pledges.find(id).orElseThrow());
	}

	PledgeView view(Pledge p) {
		List<Payment> payments = pledges.payments(p.id());
		return view(p, pledges.instalments(p.id(), p.revision()), payments, pledges.receivedUsd(p.id()));
	}

	/**
	 * The pledges as {@link #view(Pledge)} shows each, their instalments and payments read in one query
	 * each for all of them: a page of pledges costs the same few queries however many it shows.
	 */
	List<PledgeView> views(List<Pledge> list) {
		if (list.size() <= 1) {
			return list.stream().map(this::view).toList();
		}
		List<Long> ids = list.stream().map(Pledge::id).toList();
		Map<Long, Integer> revisions = list.stream().collect(Collectors.toMap(Pledge::id, Pledge::revision, (a, b) -> a));
		Map<Long, List<Instalment>> instalments = pledges.instalmentsOf(ids, revisions);
		Map<Long, List<Payment>> payments = pledges.paymentsOf(ids);
		return list.stream().map(p -> {
			List<Payment> paid = payments.getOrDefault(p.id(), List.of());
			// as PledgeRepository.receivedUsd sums them in the database
			BigDecimal receivedUsd = paid.stream()
				.filter(x -> x.status() == PaymentStatus.CONFIRMED)
				.map(Payment::amountUsd)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			return view(p, instalments.getOrDefault(p.id(), List.of()), paid, receivedUsd);
		}).toList();
	}

	private PledgeView view(Pledge p, List<Instalment> instalments, List<Payment> paid, BigDecimal receivedUsd) {
		List<PaymentView> payments = paid.stream().map(x -> payment(x, p.currency())).toList();
		List<InstalmentView> schedule = schedule(p, instalments);
		return new PledgeView(p.id(), p.donor(), p.office(), p.status(), p.earmarking(), p.earmarkTarget(),
				p.programmeId(), money.scaled(p.amount(), p.currency()), p.currency(), p.exchangeRate(),
				p.rateMonth().toString().substring(0, 7), p.rateProvisional(), p.amountUsd(), money.scaled(p.receivedAmount(), p.currency()),
				Currencies.roundUsd(receivedUsd), p.lapseDate(), schedule,
				schedule.stream().anyMatch(InstalmentView::overdue), payments, p.announcedAt(), p.verifiedAt(),
				p.agreementDate(), p.agreementReference(), p.agreedAt(), p.allocatedProgrammeId(), p.allocatedAt(),
				p.closedAt(), p.closedReason(), p.note(), p.revision(), p.version(), p.createdAt(), p.updatedAt());
	}

	PaymentView payment(Payment x, String currency) {
		return new PaymentView(x.id(), money.scaled(x.amount(), currency), x.amountUsd(), x.paidOn(), x.reference(), x.status(),
				x.reportedBy(), x.reportedAt(), x.decidedBy(), x.decidedAt(), x.note());
	}

	/** Confirmed money pays instalments in due-date order; an unpaid one past its date is overdue. */
	List<InstalmentView> schedule(Pledge p) {
		return schedule(p, pledges.instalments(p.id(), p.revision()));
	}

	private List<InstalmentView> schedule(Pledge p, List<Instalment> instalments) {
		BigDecimal left = p.receivedAmount();
		LocalDate today = LocalDate.now(clock);
		List<InstalmentView> schedule = new ArrayList<>();
		for (Instalment i : instalments) {
			BigDecimal paid = left.min(i.amount()).max(BigDecimal.ZERO);
			left = left.subtract(paid);
			boolean overdue = p.status().expectsPayments() && i.dueDate().isBefore(today) && paid.compareTo(i.amount()) < 0;
			schedule.add(new InstalmentView(i.seq(), i.dueDate(), money.scaled(i.amount(), p.currency()),
					money.scaled(paid, p.currency()), overdue));
		}
		return schedule;
	}

	/** The pledge in one line of its timeline. */
	String describe(Pledge p) {
		return money.text(p.amount(), p.currency()) + " (USD " + p.amountUsd().toPlainString() + " at " + p.exchangeRate()
				.stripTrailingZeros()
				.toPlainString() + " per USD" + (p.rateProvisional() ? ", provisionally the rate of "
						+ p.rateMonth().toString().substring(0, 7) + " until the rate of "
						+ p.awaitedRateMonth().toString().substring(0, 7) + " is entered" : "") + "), earmarked " + p.earmarking()
				+ (p.earmarkTarget() == null ? "" : " " + p.earmarkTarget()) + ", to " + p.office();
	}

}
