package org.coopflow.activities;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A document an activity produced: a report, a translated edition, training material. */
record DocumentRequest(@NotBlank @Size(max = 300) String title,
		@NotBlank @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 language code such as fr") String language,
		@NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) address") String link) {
}
