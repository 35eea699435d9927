package org.coopflow.programmes;

/** An officer changed a programme's content (a draft, or a proposal returned for revision). */
public record ProgrammeChanged(long programmeId) {
}
