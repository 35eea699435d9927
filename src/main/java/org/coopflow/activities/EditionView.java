package org.coopflow.activities;

import java.time.Instant;
import java.time.LocalDate;

/** The recorded edition of the Compendium, with who recorded it last. */
record EditionView(long activityId, String language, String memberState, String title, LocalDate publishedOn,
		String link, String recordedBy, Instant recordedAt) {
}
