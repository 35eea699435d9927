package org.coopflow.pledges;

import static org.coopflow.pledges.PledgeIntake.blankToNull;
import static org.coopflow.pledges.PledgeTransitions.SYSTEM_USER;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.coopflow.pledges.PledgeEvents.InstalmentReminderDue;
import org.coopflow.pledges.PledgeEvents.PaymentDecided;
import org.coopflow.pledges.PledgeEvents.PaymentReported;
import org.coopflow.pledges.PledgeRepository.Payment;
import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.pledges.PledgeView.InstalmentView;
import org.coopflow.programmes.FundingLedger;
import org.coopflow.programmes.FundingLedger.Stage;
import org.coopflow.reference.Currencies;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money of an agreed pledge: transfers reported, "Confirm receipt" deciding each, and reminders of
 * the instalments still open; confirmed money moves the pledge to PARTIALLY_PAID and PAID.
 */
@Component
@Transactional
class PledgePayments extends PledgeUseCase {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PledgeMoney money;

	PledgePayments(PledgeRepository pledges, PledgeAccess access, PledgeTransitions transitions, PledgeViews views,
			FundingLedger ledger, ApplicationEventPublisher events, Clock clock, PledgeMoney money) {
		super(pledges, access, transitions, views, ledger);
		this.events = events;
		this.clock = clock;
		this.money = money;
	}

	/**
	 * A donor reports a transfer, or an officer of the office records one seen on the bank statement.
	 * It stays unverified until an officer confirms receipt.
	 */
	PledgeView reportPayment(CoopflowUser user, long id, PaymentReport report) {
		Pledge pledge = user.getRole() == Role.DONOR ? access.ownForDonor(user, id, "report a payment for")
				: access.forOfficer(user, id, "record a payment for");
		if (!pledge.status().expectsPayments()) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status() + "; payments are reported after the"
					+ " agreement and until the pledge is paid (COMMITTED or PARTIALLY_PAID).");
		}
		List<InvalidField> errors = new ArrayList<>();
		BigDecimal amount = money.checkAmount(report.amount(), pledge.currency(), "amount", errors);
		if (report.paidOn() == null) {
			errors.add(new InvalidField("paidOn", "is required: the date of the transfer"));
		}
		else if (report.paidOn().isAfter(LocalDate.now(clock))) {
			errors.add(new InvalidField("paidOn", "cannot be in the future"));
		}
		if (report.reference() != null && report.reference().length() > 200) {
			errors.add(new InvalidField("reference", "must be at most 200 characters"));
		}
		if (report.note() != null && report.note().length() > 1000) {
			errors.add(new InvalidField("note", "must be at most 1000 characters"));
		}
		if (amount != null) {
			BigDecimal pending = pledges.payments(id)
				.stream()
				.filter(p -> p.status() == PaymentStatus.REPORTED)
				.map(Payment::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal open = pledge.amount().subtract(pledge.receivedAmount()).subtract(pending);
			if (amount.compareTo(open) > 0) {
				errors.add(new InvalidField("amount", "is more than the " + money.text(open, pledge.currency())
						+ " still open on this pledge (received and reported payments deducted)"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant now = clock.instant();
		long paymentId = pledges.insertPayment(new Payment(0, id, amount, Currencies.toUsd(amount, pledge.exchangeRate()),
				report.paidOn(), blankToNull(report.reference()), PaymentStatus.REPORTED, user.getUsername(), now, null,
				null, blankToNull(report.note())));
		transitions.transition(pledge, pledge.status(), user.getUsername(), "PAYMENT_REPORTED",
				money.text(amount, pledge.currency()) + " paid on " + report.paidOn()
						+ (report.reference() == null ? "" : " (" + report.reference().trim() + ")"),
				new PledgeChange.StatusOnly());
		events.publishEvent(new PaymentReported(id, pledge.donor(), pledge.office(), paymentId));
		return views.current(id);
	}

	/** "Confirm receipt": the officer confirms the money arrived, or records that it did not. */
	PledgeStatus decidePayment(long id, long paymentId, String officer, boolean received, String note) {
		Pledge pledge = access.pledge(id);
		Payment payment = pledges.payments(id)
			.stream()
			.filter(p -> p.id() == paymentId)
			.findFirst()
			// the payment comes from the task, the pledge from the process's business key
			.orElseThrow(() -> new InvalidInputException("paymentId", "is not a payment of pledge " + id));
		if (!received && (note == null || note.isBlank())) {
			throw new InvalidInputException("receiptNote", "say what was found, e.g. no transfer on the account; the donor is told");
		}
		if (received && !pledge.status().expectsPayments()) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status() + "; no payment can be received for it.");
		}
		if (!pledges.decidePayment(paymentId, received ? PaymentStatus.CONFIRMED : PaymentStatus.REJECTED, officer,
				clock.instant(), blankToNull(note))) {
			throw new ConflictException("Payment " + paymentId + " was already decided.");
		}
		PledgeStatus next = pledge.status();
		if (received) {
			BigDecimal total = pledge.receivedAmount().add(payment.amount());
			next = total.compareTo(pledge.amount()) >= 0 ? PledgeStatus.PAID : PledgeStatus.PARTIALLY_PAID;
			transitions.transition(pledge, next, officer, "PAYMENT_CONFIRMED", "Received "
					+ money.text(payment.amount(), pledge.currency()) + " (payment " + paymentId + "); "
					+ money.text(total, pledge.currency()) + " of " + money.text(pledge.amount(), pledge.currency()) + " received",
					new PledgeChange.Received(total));
			if (pledge.allocatedProgrammeId() != null) {
				ledger.record(pledge.allocatedProgrammeId(), pledge.ref(), Stage.RECEIVED, payment.amount(),
						pledge.currency(), payment.amountUsd(), pledge.rateMonth());
			}
		}
		else {
			transitions.transition(pledge, next, officer, "PAYMENT_NOT_RECEIVED", "Payment " + paymentId + " of "
					+ money.text(payment.amount(), pledge.currency()) + " not received: " + note.trim(), new PledgeChange.StatusOnly());
		}
		events.publishEvent(new PaymentDecided(id, pledge.donor(), pledge.office(), paymentId, received,
				payment.amount(), pledge.currency(), next));
		return next;
	}

	/**
	 * A reminder timer of an instalment fired: the donor is reminded unless the instalment is paid or the
	 * pledge ended. Confirmed payments pay the instalments in due-date order.
	 * @return whether a reminder was sent
	 */
	boolean remindOfInstalment(long id, int seq, boolean overdue) {
		Pledge pledge = access.pledge(id);
		if (!pledge.status().expectsPayments()) {
			return false;
		}
		Optional<InstalmentView> instalment = views.schedule(pledge).stream().filter(i -> i.seq() == seq).findFirst();
		if (instalment.isEmpty() || instalment.get().paidAmount().compareTo(instalment.get().amount()) >= 0) {
			return false;
		}
		InstalmentView due = instalment.get();
		BigDecimal open = due.amount().subtract(due.paidAmount());
		pledges.insertEvent(id, pledge.version(), overdue ? "INSTALMENT_OVERDUE" : "INSTALMENT_DUE", pledge.status(),
				SYSTEM_USER, clock.instant(), "Instalment " + seq + ": " + money.text(open, pledge.currency()) + " due on " + due.dueDate());
		events.publishEvent(new InstalmentReminderDue(id, pledge.donor(), pledge.office(), seq, due.dueDate(), open,
				pledge.currency(), overdue));
		return true;
	}

}
