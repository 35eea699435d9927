package org.coopflow.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One reporting period of an indicator: its target, and once measured its actual with a comment, or the
 * reason why there is none; {@code assessment} is where it stands on the day it was read.
 */
@org.springframework.modulith.NamedInterface("api")
public record PeriodView(long id, long indicatorId, LocalDate start, LocalDate end, BigDecimal targetValue,
		String targetText, BigDecimal actualValue, String actualText, String actualComment, String missingReason,
		String actualBy, Instant actualAt, Assessment assessment) {

	public boolean hasActual() {
		return actualValue != null || actualText != null;
	}

}
