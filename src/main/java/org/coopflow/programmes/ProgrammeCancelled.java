package org.coopflow.programmes;

/** A programme was cancelled before it was funded; pledges made for it are released. */
public record ProgrammeCancelled(long programmeId, String reason) {
}
