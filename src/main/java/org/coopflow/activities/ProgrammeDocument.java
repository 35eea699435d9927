package org.coopflow.activities;

import java.time.Instant;

/**
 * A document one of a programme's activities produced (a translated edition, a survey's report, a meeting's
 * conclusions), as others publish it: where it is, its title and language (ISO 639-1), and when it was added.
 */
@org.springframework.modulith.NamedInterface("api")
public record ProgrammeDocument(long programmeId, long activityId, String title, String language, String link,
		Instant addedAt) {
}
