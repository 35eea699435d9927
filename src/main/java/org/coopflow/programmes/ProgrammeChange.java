package org.coopflow.programmes;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a programme's history: which fields changed from what to what, who did it and when.
 */
@org.springframework.modulith.NamedInterface("api")
public record ProgrammeChange(int version, String kind, String changedBy, Instant changedAt,
		Map<String, Object> changes, String note) {
}
