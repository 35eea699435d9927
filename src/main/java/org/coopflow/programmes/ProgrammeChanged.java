package org.coopflow.programmes;

/** An officer changed a programme's content (a draft, or a proposal returned for revision). */
@org.springframework.modulith.NamedInterface("events")
public record ProgrammeChanged(long programmeId) {
}
