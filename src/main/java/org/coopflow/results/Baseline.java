package org.coopflow.results;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where an indicator starts: in a year (and on a date within it, when known), with a number, or text for a
 * qualitative indicator.
 */
@org.springframework.modulith.NamedInterface("api")
public record Baseline(Integer year, LocalDate date, BigDecimal value, String text, String comment) {
}
