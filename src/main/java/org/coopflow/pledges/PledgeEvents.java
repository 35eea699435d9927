package org.coopflow.pledges;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.coopflow.reference.Office;

/**
 * What happens to pledges, published in the transaction of the change. The notifications module mails
 * donors and officers from them; the pledge process follows the ones it waits for.
 */
@org.springframework.modulith.NamedInterface("events")
public final class PledgeEvents {

	private PledgeEvents() {
	}

	/** A donor announced a pledge (DRAFT to PLEDGED, or pledged at once): it is acknowledged. */
	@org.springframework.modulith.NamedInterface("events")
	public record PledgeAnnounced(long pledgeId, String donor, Office office, String announcedBy) {
	}

	/** The signed agreement was recorded: the pledge is COMMITTED. */
	@org.springframework.modulith.NamedInterface("events")
	public record AgreementRecorded(long pledgeId, String donor, Office office, LocalDate agreementDate) {
	}

	/** An instalment falls due soon (reminder before) or is past due and not fully paid. */
	@org.springframework.modulith.NamedInterface("events")
	public record InstalmentReminderDue(long pledgeId, String donor, Office office, int instalment,
			LocalDate dueDate, BigDecimal amount, String currency, boolean overdue) {
	}

	/** A donor or officer reported a transfer; an officer must confirm receipt. */
	@org.springframework.modulith.NamedInterface("events")
	public record PaymentReported(long pledgeId, String donor, Office office, long paymentId) {
	}

	/** An officer confirmed receipt of a payment (or found it did not arrive: {@code confirmed} false). */
	@org.springframework.modulith.NamedInterface("events")
	public record PaymentDecided(long pledgeId, String donor, Office office, long paymentId, boolean confirmed,
			BigDecimal amount, String currency, PledgeStatus statusAfter) {
	}

	/** The pledge's money was allocated to a programme. */
	@org.springframework.modulith.NamedInterface("events")
	public record FundsAllocated(long pledgeId, String donor, Office office, long programmeId) {
	}

	/** The pledge ended before it was fully paid: withdrawn by the donor, cancelled, or lapsed. */
	@org.springframework.modulith.NamedInterface("events")
	public record PledgeClosed(long pledgeId, String donor, Office office, PledgeStatus status, String reason) {
	}

}
