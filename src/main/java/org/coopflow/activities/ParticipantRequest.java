package org.coopflow.activities;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An expert at a meeting of government experts (resolution 1997/32, para. 7). Experts serve in their
 * personal capacity, not as representatives of their Government: {@code personalCapacity} must be true.
 */
record ParticipantRequest(@NotBlank @Size(max = 200) String name,
		@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as KE") String country,
		@NotBlank @Size(max = 300) String affiliation, Boolean personalCapacity) {
}
