package org.coopflow.activities;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Money spent on an activity, in the programme currency. Spending beyond the funds the programme has
 * received is refused unless {@code overrideReason} says why the officer spends ahead of the money.
 */
@org.springframework.modulith.NamedInterface("api")
public record ExpenditureRequest(@NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount,
		@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
		@NotNull LocalDate spentOn, @NotBlank @Size(max = 1000) String description,
		@Size(max = 1000) String overrideReason) {
}
