package org.coopflow.pledges;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One step of a pledge's money towards the programme it funds (the allocated programme, or the earmarked
 * one before allocation), in the pledge currency: announced, agreed, or a payment whose receipt an officer
 * confirmed. {@code date} is the day it happened (announcement, agreement date, day paid); null when the
 * record does not say.
 */
@org.springframework.modulith.NamedInterface("api")
public record PledgeFlow(long pledgeId, long programmeId, String donor, Kind kind, BigDecimal amount, String currency,
		LocalDate date) {

	@org.springframework.modulith.NamedInterface("api")
	public enum Kind {

		/** Announced and not withdrawn, cancelled or lapsed. */
		ANNOUNCED,
		/** An agreement was signed: the money counts as funding. */
		AGREED,
		/** A payment whose receipt an officer confirmed. */
		RECEIVED

	}

}
