package org.coopflow.activities;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A Member State asked to reply to the questionnaire on one standard (resolution 1997/32, paras. 3 and
 * 4); {@code askedOn} is today when left out.
 */
public record SurveyRequest(
		@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as KE") String memberState,
		@NotBlank String standard, LocalDate askedOn) {
}
