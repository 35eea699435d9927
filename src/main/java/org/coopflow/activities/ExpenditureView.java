package org.coopflow.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded expenditure. {@code receivedBefore} is what the programme had received when it was
 * recorded; an {@code overrideReason} marks spending beyond it. Publishing reads it for IATI transactions.
 */
@org.springframework.modulith.NamedInterface("api")
public record ExpenditureView(long id, long activityId, long programmeId, BigDecimal amount, String currency,
		LocalDate spentOn, String description, BigDecimal receivedBefore, String overrideReason, String recordedBy,
		Instant recordedAt) {
}
