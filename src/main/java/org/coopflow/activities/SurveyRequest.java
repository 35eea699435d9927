package org.coopflow.activities;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A Member State asked to reply to the questionnaire on one standard (resolution 1997/32, paras. 3 and
 * 4); {@code askedOn} is today when left out. {@code contactEmail} is where the questionnaire went (the
 * Member State's focal point or permanent mission): reminders go there as well as to the Member State's
 * donor accounts, which most Member States asked do not have.
 */
@org.springframework.modulith.NamedInterface("api")
public record SurveyRequest(
		@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as KE") String memberState,
		@NotBlank String standard, LocalDate askedOn,
		@Size(max = 254) @Pattern(regexp = "\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*",
				message = "must be an e-mail address such as focal.point@mfa.go.ke") String contactEmail) {

	public SurveyRequest(String memberState, String standard, LocalDate askedOn) {
		this(memberState, standard, askedOn, null);
	}

}
