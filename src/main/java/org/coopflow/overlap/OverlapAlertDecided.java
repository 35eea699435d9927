package org.coopflow.overlap;

/** The coordinators decided on an alert. */
public record OverlapAlertDecided(long alertId, long firstProgrammeId, long secondProgrammeId,
		CoordinatorDecision decision) {
}
