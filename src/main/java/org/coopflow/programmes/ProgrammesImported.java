package org.coopflow.programmes;

import java.util.List;

import org.coopflow.reference.Office;

/** An officer imported existing programmes of an office as drafts; they are screened for overlaps again. */
@org.springframework.modulith.NamedInterface("events")
public record ProgrammesImported(Office office, List<Long> programmeIds) {

	public ProgrammesImported {
		programmeIds = List.copyOf(programmeIds);
	}

}
