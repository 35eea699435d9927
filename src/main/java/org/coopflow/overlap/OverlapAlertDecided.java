package org.coopflow.overlap;

/** The coordinators decided on an alert. */
record OverlapAlertDecided(long alertId, long firstProgrammeId, long secondProgrammeId,
		CoordinatorDecision decision) {
}
