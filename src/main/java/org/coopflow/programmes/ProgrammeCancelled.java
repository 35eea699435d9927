package org.coopflow.programmes;

/** A programme was cancelled before it was funded; pledges made for it are released. */
@org.springframework.modulith.NamedInterface("events")
public record ProgrammeCancelled(long programmeId, String reason) {
}
