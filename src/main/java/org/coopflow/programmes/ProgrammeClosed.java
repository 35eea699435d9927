package org.coopflow.programmes;

import org.coopflow.reference.Office;

/** A funded programme's implementation ended and the programme was closed. */
record ProgrammeClosed(long programmeId, Office office) {
}
