package org.coopflow.activities;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The Compendium edition a COMPENDIUM_TRANSLATION activity produced (resolution 1997/32, para. 1): its
 * ISO 639-1 language, the Member State that publishes it (ISO 3166-1 alpha-2), its title, and, once
 * known, when it was published and where it can be read.
 */
record EditionRequest(
		@NotBlank @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 language code such as fr") String language,
		@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as KE") String memberState,
		@NotBlank @Size(max = 300) String title, LocalDate publishedOn,
		@Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) address") String link) {
}
