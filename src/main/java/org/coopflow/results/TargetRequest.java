package org.coopflow.results;

import java.math.BigDecimal;

import jakarta.validation.constraints.Size;

/**
 * A period's new target: a number, or {@code text} for a qualitative indicator. Once the programme is
 * approved the target is frozen, and a change needs {@code reason}: it is kept as a revision.
 */
@org.springframework.modulith.NamedInterface("api")
public record TargetRequest(BigDecimal value, @Size(max = 1000) String text, @Size(max = 2000) String reason) {
}
