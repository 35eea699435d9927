package org.coopflow.reference;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * An amount in an ISO 4217 currency, e.g. {@code {"amount": "250000.00", "currency": "USD"}}. Amounts
 * are decimals, never floating point; whether the scale fits the currency's minor units is checked
 * against {@link ReferenceCodes}.
 */
@org.springframework.modulith.NamedInterface("api")
public record Money(@NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount,
		@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency) {
}
