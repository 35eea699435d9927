package org.coopflow.overlap;

/** Screening raised a new alert: the overlap review process starts for it. */
@org.springframework.modulith.NamedInterface("events")
public record OverlapAlertRaised(long alertId, long firstProgrammeId, long secondProgrammeId, String severity) {
}
