package org.coopflow.results;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reporting period of an indicator and its target: a number, or {@code targetText} for a qualitative
 * indicator. Once the programme is approved, {@code reason} says why a period is added.
 */
@org.springframework.modulith.NamedInterface("api")
public record PeriodRequest(@NotNull LocalDate start, @NotNull LocalDate end, BigDecimal target,
		@Size(max = 1000) String targetText, @Size(max = 2000) String reason) {
}
