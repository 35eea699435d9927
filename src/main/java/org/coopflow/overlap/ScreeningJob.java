package org.coopflow.overlap;

import java.time.Instant;

/** A whole-portfolio screening run on demand, as the API shows its progress. */
record ScreeningJob(long id, String status, String requestedBy, Instant requestedAt, Instant startedAt,
		Instant finishedAt, Integer programmes, Integer screened, Integer pairsFound, Integer alertsRaised,
		String error) {
}
