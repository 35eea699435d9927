package org.coopflow.programmes;

/**
 * The coordinators decided on the alerts raised for a proposal.
 */
@org.springframework.modulith.NamedInterface("ports")
public record OverlapReviewed(long programmeId, OverlapDecision decision, String comment) {
}
