package org.coopflow.pledges;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a pledge (after OCHA FTS, IATI and CiviCRM). OVERDUE is not a status: it is derived
 * from the instalments, see {@link PledgeView#overdue()}.
 */
@org.springframework.modulith.NamedInterface("api")
public enum PledgeStatus {

	DRAFT, PLEDGED, COMMITTED, PARTIALLY_PAID, PAID, WITHDRAWN, CANCELLED, LAPSED;

	/** Whether the lifecycle allows going from this status to {@code next}. */
	boolean canBecome(PledgeStatus next) {
		return switch (this) {
			case DRAFT -> next == PLEDGED || next == WITHDRAWN;
			case PLEDGED -> next == COMMITTED || next == WITHDRAWN || next == CANCELLED || next == LAPSED;
			case COMMITTED, PARTIALLY_PAID -> next == PARTIALLY_PAID || next == PAID || next == CANCELLED;
			case PAID, WITHDRAWN, CANCELLED, LAPSED -> false;
		};
	}

	public boolean isFinal() {
		return EnumSet.of(PAID, WITHDRAWN, CANCELLED, LAPSED).contains(this);
	}

	/** Statuses in which the money counts as funding (only COMMITTED and later). */
	public static final Set<PledgeStatus> FUNDING = EnumSet.of(COMMITTED, PARTIALLY_PAID, PAID);

	/** Statuses in which a donor may still change the amount or withdraw: before the agreement. */
	public boolean isDonorChangeable() {
		return this == DRAFT || this == PLEDGED;
	}

	/** Statuses in which payments are expected: after the agreement, until fully paid. */
	boolean expectsPayments() {
		return this == COMMITTED || this == PARTIALLY_PAID;
	}

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case DRAFT -> "Draft";
			case PLEDGED -> "Pledged";
			case COMMITTED -> "Agreed";
			case PARTIALLY_PAID -> "Partly paid";
			case PAID -> "Paid";
			case WITHDRAWN -> "Withdrawn";
			case CANCELLED -> "Cancelled";
			case LAPSED -> "Lapsed";
		};
	}

}
