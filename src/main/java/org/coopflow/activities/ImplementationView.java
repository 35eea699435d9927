package org.coopflow.activities;

import java.math.BigDecimal;
import java.time.Instant;

import org.coopflow.reference.Office;

/**
 * Where a programme's implementation stands, as other modules read it: its stage, and once it closed,
 * what was left unspent and what an officer chose to do with it (amount in the programme currency).
 */
@org.springframework.modulith.NamedInterface("api")
public record ImplementationView(long programmeId, Office office, ImplementationStage stage, Instant startedAt,
		Instant closedAt, BigDecimal unspentAmount, UnspentFundsChoice unspentChoice, String unspentReason,
		Instant unspentDecidedAt) {
}
