package org.coopflow.reference;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A UN operational rate of exchange: how many units of {@code currency} one US dollar bought in
 * {@code month}.
 */
@org.springframework.modulith.NamedInterface("api")
public record ExchangeRate(String currency, YearMonth month, BigDecimal unitsPerUsd, String enteredBy,
		Instant enteredAt) {
}
