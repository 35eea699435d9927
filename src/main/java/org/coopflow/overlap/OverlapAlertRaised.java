package org.coopflow.overlap;

/** Screening raised a new alert: the overlap review process starts for it. */
public record OverlapAlertRaised(long alertId, long firstProgrammeId, long secondProgrammeId, String severity) {
}
