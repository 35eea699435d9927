package org.coopflow.pledges;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.coopflow.reference.Office;

/**
 * A pledge as the API shows it: the original amount and currency, the rate used and the amount in US
 * dollars at that rate, what was received, and the instalment schedule. {@code overdue} is true when
 * an instalment is past its due date and not fully paid. {@code rateProvisional} is true while the
 * pledge's month has no rate yet and it uses the rate of {@code rateMonth}, one of the two months
 * before; entering its month's rate re-rates it.
 */
@org.springframework.modulith.NamedInterface("api")
public record PledgeView(long id, String donor, Office office, PledgeStatus status, Earmarking earmarking,
		String earmarkTarget, Long programmeId, BigDecimal amount, String currency, BigDecimal exchangeRate,
		String rateMonth, boolean rateProvisional, BigDecimal amountUsd, BigDecimal receivedAmount, BigDecimal receivedAmountUsd,
		LocalDate lapseDate, List<InstalmentView> instalments, boolean overdue, List<PaymentView> payments,
		Instant announcedAt, Instant verifiedAt, LocalDate agreementDate, String agreementReference,
		Instant agreedAt, Long allocatedProgrammeId, Instant allocatedAt, Instant closedAt, String closedReason,
		String note, int revision, int version, Instant createdAt, Instant updatedAt) {

	/** An instalment of the current revision; confirmed payments pay instalments in due-date order. */
	@org.springframework.modulith.NamedInterface("api")
	public record InstalmentView(int seq, LocalDate dueDate, BigDecimal amount, BigDecimal paidAmount,
			boolean overdue) {
	}

	@org.springframework.modulith.NamedInterface("api")
	public record PaymentView(long id, BigDecimal amount, BigDecimal amountUsd, LocalDate paidOn, String reference,
			PaymentStatus status, String reportedBy, Instant reportedAt, String decidedBy, Instant decidedAt,
			String note) {
	}

	/** One step of the pledge's timeline. */
	@org.springframework.modulith.NamedInterface("api")
	public record PledgeEventView(int version, String kind, PledgeStatus status, String actor, Instant occurredAt,
			String detail) {
	}

	/** One amount the pledge had; the first is the announced one. */
	@org.springframework.modulith.NamedInterface("api")
	public record RevisionView(int revision, BigDecimal amount, String currency, BigDecimal exchangeRate,
			String rateMonth, BigDecimal amountUsd, LocalDate lapseDate, List<InstalmentView> instalments,
			String reason, String createdBy, Instant createdAt) {
	}

	BigDecimal outstandingAmount() {
		return amount.subtract(receivedAmount);
	}

}
