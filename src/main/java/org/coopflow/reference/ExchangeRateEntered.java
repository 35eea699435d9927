package org.coopflow.reference;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A month's rate of a currency was entered or corrected, published in the transaction that stores it:
 * what was rated provisionally while the month's rate was missing is re-rated in that same transaction.
 */
@org.springframework.modulith.NamedInterface("events")
public record ExchangeRateEntered(String currency, YearMonth month, BigDecimal unitsPerUsd, String enteredBy) {
}
