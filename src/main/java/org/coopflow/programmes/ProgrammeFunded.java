package org.coopflow.programmes;

import org.coopflow.reference.Office;

/** Committed funding reached the (possibly revised) budget: implementation can start. */
@org.springframework.modulith.NamedInterface("events")
public record ProgrammeFunded(long programmeId, Office office) {
}
