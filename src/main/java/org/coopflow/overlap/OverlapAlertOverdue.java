package org.coopflow.overlap;

/**
 * An alert has waited ten working days for the coordinators' decision ({@code escalated} false: they
 * are reminded), or longer still ({@code escalated} true: the administrators are asked to step in).
 */
@org.springframework.modulith.NamedInterface("events")
public record OverlapAlertOverdue(long alertId, long firstProgrammeId, long secondProgrammeId, boolean escalated) {
}
