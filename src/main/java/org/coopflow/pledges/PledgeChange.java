package org.coopflow.pledges;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.coopflow.pledges.PledgeRepository.Rate;

/**
 * What a step changes in a pledge besides its status, as {@link PledgeRepository#update} takes it: the use
 * cases name the change, and only here (for the repository) is it spelled as columns. A change that stamps
 * a time stamps the update's.
 */
sealed interface PledgeChange {

	Map<String, Object> columns(Instant now);

	/**
	 * What must hold besides the status for the change to apply, as a condition on the columns, for
	 * {@link PledgeRepository#updateIf}; null when nothing.
	 */
	default String onlyIf() {
		return null;
	}

	/** Only the status (and who changed it when). */
	record StatusOnly() implements PledgeChange {
		public Map<String, Object> columns(Instant now) {
			return Map.of();
		}
	}

	record Announced() implements PledgeChange {
		public Map<String, Object> columns(Instant now) {
			return Map.of("announced_at", now);
		}
	}

	record Verified(String by) implements PledgeChange {
		public Map<String, Object> columns(Instant now) {
			return Map.of("verified_at", now, "verified_by", by);
		}

		/** A pledge is verified once. */
		@Override
		public String onlyIf() {
			return "verified_at IS NULL";
		}
	}

	record Agreed(LocalDate date, String reference) implements PledgeChange {
		public Map<String, Object> columns(Instant now) {
			return Map.of("agreement_date", date, "agreement_reference", reference, "agreed_at", now);
		}
	}

	record Allocated(long programmeId) implements PledgeChange {
		public Map<String, Object> columns(Instant now) {
			return Map.of("allocated_programme_id", programmeId, "allocated_at", now);
		}
	}

	record AllocationReleased() implements PledgeChange {
		public Map<String, Object> columns(Instant now) {
			Map<String, Object> columns = new LinkedHashMap<>();
			columns.put("allocated_programme_id", null);
			columns.put("allocated_at", null);
			return columns;
		}
	}

	/** Confirmed payments now add up to {@code total}. */
	record Received(BigDecimal total) implements PledgeChange {
		public Map<String, Object> columns(Instant now) {
			return Map.of("received_amount", total);
		}
	}

	record Closed(String reason) implements PledgeChange {
		public Map<String, Object> columns(Instant now) {
			return Map.of("closed_at", now, "closed_reason", reason);
		}
	}

	/** A new revision: the amount, or only its rate, changed. */
	record Revised(int revision, BigDecimal amount, Rate rate) implements PledgeChange {
		public Map<String, Object> columns(Instant now) {
			Map<String, Object> columns = new LinkedHashMap<>();
			columns.put("revision", revision);
			columns.put("amount", amount);
			columns.put("exchange_rate", rate.unitsPerUsd());
			columns.put("rate_month", rate.rateMonth());
			columns.put("amount_usd", rate.amountUsd());
			columns.put("awaited_rate_month", rate.awaitedRateMonth());
			return columns;
		}
	}

}
