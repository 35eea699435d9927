package org.coopflow.results;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/**
 * Where an indicator starts: the year, or the date (its year is then the baseline year), a value (text for a
 * qualitative indicator) and a comment. Once the programme is approved, {@code reason} says why it changes.
 */
@org.springframework.modulith.NamedInterface("api")
public record BaselineRequest(Integer year, LocalDate date, BigDecimal value, @Size(max = 1000) String text,
		@Size(max = 2000) String comment, @Size(max = 2000) String reason) {
}
