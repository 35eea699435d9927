package org.coopflow.programmes;

import org.coopflow.reference.Office;

/** Committed funding reached the (possibly revised) budget: implementation can start. */
public record ProgrammeFunded(long programmeId, Office office) {
}
