package org.coopflow.activities;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The extrabudgetary resources that pay for an expert meeting (para. 7), and where they come from. */
record MeetingFundingRequest(@NotNull @Positive BigDecimal amount,
		@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
		@NotBlank @Size(max = 300) String source) {
}
