package org.coopflow.programmes;

import org.coopflow.reference.Office;

/** A task of the funding proposal process has waited 10 working days and went to the office's coordinators. */
@org.springframework.modulith.NamedInterface("events")
public record TaskEscalated(long programmeId, String taskId, Office office) {
}
