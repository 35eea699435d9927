package org.coopflow.notifications;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.coopflow.pledges.PledgeEvents.AgreementRecorded;
import org.coopflow.pledges.PledgeEvents.FundsAllocated;
import org.coopflow.pledges.PledgeEvents.InstalmentReminderDue;
import org.coopflow.pledges.PledgeEvents.PaymentDecided;
import org.coopflow.pledges.PledgeEvents.PaymentReported;
import org.coopflow.pledges.PledgeEvents.PledgeAnnounced;
import org.coopflow.pledges.PledgeEvents.PledgeClosed;
import org.coopflow.pledges.PledgeService;
import org.coopflow.pledges.PledgeStatus;
import org.coopflow.pledges.PledgeView;
import org.coopflow.pledges.PledgeView.PaymentView;
import org.coopflow.programmes.ProgrammeFunded;
import org.coopflow.programmes.ProposalFacts;
import org.coopflow.programmes.ProposalLifecycle;
import org.coopflow.reference.Amounts;
import org.coopflow.reference.Office;
import org.coopflow.security.Role;
import org.coopflow.security.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails donors and officers what happens to pledges: donors hear about their own Member State's
 * pledges only (every account of that Member State, and no other), officers about their own office's.
 * Runs in the transaction of the change that published the event, so the mail is queued only if the
 * change commits; each event key names one event, so a retried job or a repeated message mails once.
 */
@Component
class PledgeMails {

	private final Notifications notifications;

	private final UserDirectory users;

	private final ProposalLifecycle programmes;

	private final PledgeService pledges;

	PledgeMails(Notifications notifications, UserDirectory users, ProposalLifecycle programmes,
			PledgeService pledges) {
		this.notifications = notifications;
		this.users = users;
		this.programmes = programmes;
		this.pledges = pledges;
	}

	@EventListener
	void on(PledgeAnnounced pledge) {
		String amount = amountOf(pledge.pledgeId());
		toDonors(pledge.donor(), "pledge-announced:" + pledge.pledgeId(), "Pledge " + pledge.pledgeId() + " received",
				"""
						Thank you. Pledge %d of %s, %s, has been received by the %s.

						An officer will now verify it, and the agreement will follow. You will receive a message when the \
						agreement is recorded, and you can follow the pledge at any time under "My pledges" in coopflow.
						"""
					.formatted(pledge.pledgeId(), memberState(pledge.donor()), amount, officeName(pledge.office())));
		toOfficers(pledge.office(), "pledge-announced:" + pledge.pledgeId(),
				"New pledge to verify: pledge " + pledge.pledgeId() + " (" + memberState(pledge.donor()) + ")",
				"""
						%s has announced pledge %d, %s, to %s (announced by %s).

						Please verify it in Tasklist ("Verify pledge") and, once the agreement is signed, record it.
						"""
					.formatted(memberState(pledge.donor()), pledge.pledgeId(), amount, pledge.office(),
							users.nameOf(pledge.announcedBy())));
	}

	@EventListener
	void on(AgreementRecorded agreement) {
		toDonors(agreement.donor(), "agreement-recorded:" + agreement.pledgeId(),
				"Agreement recorded for pledge " + agreement.pledgeId(),
				"""
						The agreement for pledge %d of %s, %s, signed on %s, has been recorded by the %s. The pledge is now \
						committed and counts towards the funding of the programmes it supports.

						You will be reminded before each instalment falls due. Please report each transfer under \
						"My pledges" in coopflow, with its bank reference, so that the office can confirm receipt.
						"""
					.formatted(agreement.pledgeId(), memberState(agreement.donor()), amountOf(agreement.pledgeId()),
							MailText.date(agreement.agreementDate()), officeName(agreement.office())));
	}

	@EventListener
	void on(InstalmentReminderDue reminder) {
		String amount = money(reminder.amount(), reminder.currency());
		String eventKey = (reminder.overdue() ? "instalment-overdue:" : "instalment-due:") + reminder.pledgeId() + ":"
				+ reminder.instalment() + ":" + reminder.dueDate();
		if (!reminder.overdue()) {
			toDonors(reminder.donor(), eventKey,
					"Instalment " + reminder.instalment() + " of pledge " + reminder.pledgeId() + " due on "
							+ MailText.date(reminder.dueDate()),
					"""
							This is a courtesy reminder that instalment %d of pledge %d, %s, falls due on %s.

							When the transfer has been made, please report it under "My pledges" in coopflow, with its \
							bank reference, so that the %s can confirm receipt. If it has already been made and \
							reported, please disregard this message.
							"""
						.formatted(reminder.instalment(), reminder.pledgeId(), amount, MailText.date(reminder.dueDate()),
								officeName(reminder.office())));
			return;
		}
		toDonors(reminder.donor(), eventKey,
				"Instalment " + reminder.instalment() + " of pledge " + reminder.pledgeId() + " is overdue",
				"""
						Instalment %d of pledge %d, %s, was due on %s and has not yet been received in full.

						If the transfer has been made, please report it under "My pledges" in coopflow, with its bank \
						reference. If it is delayed, kindly let the %s know when it can be expected.
						"""
					.formatted(reminder.instalment(), reminder.pledgeId(), amount, MailText.date(reminder.dueDate()),
							officeName(reminder.office())));
		toOfficers(reminder.office(), eventKey,
				"Overdue: instalment " + reminder.instalment() + " of pledge " + reminder.pledgeId() + " ("
						+ memberState(reminder.donor()) + ")",
				"""
						Instalment %d of pledge %d of %s, %s, was due on %s and has not been received in full. The donor \
						has been reminded.

						Please follow up with the donor if no payment is reported, and confirm receipt as soon as the \
						funds arrive.
						"""
					.formatted(reminder.instalment(), reminder.pledgeId(), memberState(reminder.donor()), amount,
							MailText.date(reminder.dueDate())));
	}

	@EventListener
	void on(PaymentReported payment) {
		PledgeView pledge = pledges.view(payment.pledgeId());
		String transfer = paymentOf(pledge, payment.paymentId())
			.map(reported -> ": a transfer of " + money(reported.amount(), pledge.currency()) + ", paid on "
					+ MailText.date(reported.paidOn())
					+ (reported.reference() == null ? "" : " with the reference " + reported.reference()))
			.orElse("");
		toOfficers(payment.office(), "payment-reported:" + payment.paymentId(),
				"Confirm receipt: payment " + payment.paymentId() + " for pledge " + payment.pledgeId() + " ("
						+ memberState(payment.donor()) + ")",
				"""
						Payment %d for pledge %d of %s has been reported%s.

						Please check that the funds have arrived and confirm receipt in Tasklist ("Confirm receipt"), or \
						record that they were not found, so that the donor is informed.
						"""
					.formatted(payment.paymentId(), payment.pledgeId(), memberState(payment.donor()), transfer));
	}

	@EventListener
	void on(PaymentDecided payment) {
		String amount = money(payment.amount(), payment.currency());
		String eventKey = "payment-decided:" + payment.paymentId();
		if (payment.confirmed()) {
			toDonors(payment.donor(), eventKey, "Payment received for pledge " + payment.pledgeId(),
					"""
							The %s confirms receipt of %s for pledge %d (payment %d). Thank you.

							%s
							"""
						.formatted(officeName(payment.office()), amount, payment.pledgeId(), payment.paymentId(),
								payment.statusAfter() == PledgeStatus.PAID
										? "The pledge is now paid in full. Thank you for your contribution."
										: "The pledge is now partially paid; you will be reminded before the next instalment falls due."));
			return;
		}
		String note = paymentOf(pledges.view(payment.pledgeId()), payment.paymentId()).map(PaymentView::note)
			.filter(text -> text != null && !text.isBlank())
			.map(text -> "\nThe office notes: " + text + "\n")
			.orElse("");
		toDonors(payment.donor(), eventKey, "Payment for pledge " + payment.pledgeId() + " not found",
				"""
						The %s could not find the transfer of %s reported for pledge %d (payment %d) among the funds \
						received.
						%s
						Please check the transfer with your bank and report it again with its bank reference, or contact \
						the office. The pledge remains %s.
						"""
					.formatted(officeName(payment.office()), amount, payment.pledgeId(), payment.paymentId(), note,
							status(payment.statusAfter())));
	}

	@EventListener
	void on(FundsAllocated allocation) {
		ProposalFacts programme = programmes.facts(allocation.programmeId());
		toDonors(allocation.donor(), "funds-allocated:" + allocation.pledgeId() + ":" + allocation.programmeId(),
				"Pledge " + allocation.pledgeId() + " allocated to \"" + programme.title() + "\"",
				"""
						The funds of pledge %d, %s, have been allocated to the programme "%s" (programme %d) of the %s.

						You can follow the programme's funding and its activities in coopflow.
						"""
					.formatted(allocation.pledgeId(), amountOf(allocation.pledgeId()), programme.title(),
							programme.programmeId(),
							officeName(programme.office())));
	}

	@EventListener
	void on(PledgeClosed closure) {
		String eventKey = "pledge-closed:" + closure.pledgeId();
		String what = switch (closure.status()) {
			case WITHDRAWN -> "has been withdrawn by the donor";
			case LAPSED -> "has lapsed: no agreement was recorded by its lapse date";
			default -> "has been " + status(closure.status());
		};
		String facts = "Pledge %d of %s, %s, %s.\n".formatted(closure.pledgeId(), memberState(closure.donor()),
				amountOf(closure.pledgeId()), what)
				+ (closure.reason() == null || closure.reason().isBlank() ? "" : "\nReason: " + closure.reason() + "\n");
		toDonors(closure.donor(), eventKey, "Pledge " + closure.pledgeId() + " " + status(closure.status()),
				facts + """

						Any allocation of this pledge to a programme has been released. If you believe this is in \
						error, please contact the %s.
						""".formatted(officeName(closure.office())));
		toOfficers(closure.office(), eventKey,
				"Pledge " + closure.pledgeId() + " (" + memberState(closure.donor()) + ") " + status(closure.status()),
				facts + """

						Its allocation to a programme, if any, has been released; no further action is needed on it.
						""");
	}

	@EventListener
	void on(ProgrammeFunded funded) {
		List<String> memberStates = pledges.donorsOfProgramme(funded.programmeId()).stream().distinct().toList();
		if (memberStates.isEmpty()) {
			return;
		}
		ProposalFacts programme = programmes.facts(funded.programmeId());
		for (String memberState : memberStates) {
			toDonors(memberState, "programme-funded:" + funded.programmeId(), "Programme funded: " + programme.title(),
					"""
							The programme "%s" (programme %d) of the %s, to which a pledge of %s contributes, is now \
							fully funded, and its implementation can begin.

							Thank you for your support. You can follow the programme's activities in coopflow.
							"""
						.formatted(programme.title(), programme.programmeId(), officeName(programme.office()),
								memberState(memberState)));
		}
	}

	/** The pledge's current amount in its own currency, as the donor pledged it. */
	private String amountOf(long pledgeId) {
		PledgeView pledge = pledges.view(pledgeId);
		return money(pledge.amount(), pledge.currency());
	}

	private static Optional<PaymentView> paymentOf(PledgeView pledge, long paymentId) {
		return pledge.payments().stream().filter(payment -> payment.id() == paymentId).findFirst();
	}

	private void toDonors(String memberState, String eventKey, String subject, String body) {
		for (String recipient : users.emailsOfDonors(memberState)) {
			notifications.enqueue(eventKey, recipient, subject, body + MailText.SIGNATURE);
		}
	}

	private void toOfficers(Office office, String eventKey, String subject, String body) {
		for (String recipient : users.emailsOf(Role.PROGRAMME_OFFICER, office)) {
			notifications.enqueue(eventKey, recipient, subject, body + MailText.SIGNATURE);
		}
	}

	static String officeName(Office office) {
		return switch (office) {
			case CPCJD -> "Crime Prevention and Criminal Justice Division (CPCJD)";
			case OHCHR -> "Office of the United Nations High Commissioner for Human Rights (OHCHR)";
		};
	}

	/** e.g. "Norway (NO)": the donor is a Member State, known by its ISO 3166-1 alpha-2 code. */
	static String memberState(String code) {
		String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
		return name.isBlank() || name.equalsIgnoreCase(code) ? code : name + " (" + code + ")";
	}

	/** e.g. "NOK 1,250,000" or "USD 2,500.50": as people read amounts everywhere in coopflow. */
	static String money(BigDecimal amount, String currency) {
		return Amounts.format(currency, amount);
	}


	private static String status(PledgeStatus status) {
		return status.label().toLowerCase(Locale.ROOT);
	}

}
