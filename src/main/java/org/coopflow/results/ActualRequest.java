package org.coopflow.results;

import java.math.BigDecimal;

import jakarta.validation.constraints.Size;

/**
 * What a period achieved: a value (text for a qualitative indicator) with a comment, or instead
 * {@code missingReason}, why there is no actual.
 */
@org.springframework.modulith.NamedInterface("api")
public record ActualRequest(BigDecimal value, @Size(max = 1000) String text, @Size(max = 2000) String comment,
		@Size(max = 2000) String missingReason) {
}
