package org.coopflow.results;

import java.time.Instant;

/**
 * A change made to a programme's results after its approval: what changed (e.g. {@code target},
 * {@code baseline}, {@code indicator added}), from what to what, why, by whom and when.
 */
@org.springframework.modulith.NamedInterface("api")
public record RevisionView(long id, long programmeId, long resultId, Long indicatorId, Long periodId, String what,
		String oldValue, String newValue, String reason, String revisedBy, Instant revisedAt) {
}
