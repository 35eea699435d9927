package org.coopflow.results;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An indicator whose latest assessed period is off track, as the portfolio lists it. */
@org.springframework.modulith.NamedInterface("api")
public record OffTrackIndicator(long programmeId, long resultId, long indicatorId, String indicatorTitle,
		Measure measure, LocalDate periodEnd, BigDecimal target, BigDecimal actual) {
}
