package org.coopflow.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * UN operational rates of exchange, one per currency and month.
 */
@Service
public class ExchangeRates {

	private final JdbcClient jdbc;

	ExchangeRates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Units of {@code currency} per US dollar in the month of {@code day}; USD is always 1. */
	public Optional<BigDecimal> unitsPerUsd(String currency, LocalDate day) {
		if ("USD".equals(currency)) {
			return Optional.of(BigDecimal.ONE);
		}
		return jdbc.sql("SELECT units_per_usd FROM exchange_rate WHERE currency = ? AND rate_month = ?")
			.params(currency, day.withDayOfMonth(1))
			.query(BigDecimal.class)
			.optional();
	}

	/** {@code amount} in US dollars at the month's rate, to the cent; empty when no rate is known. */
	public Optional<BigDecimal> toUsd(BigDecimal amount, String currency, LocalDate day) {
		return unitsPerUsd(currency, day).map(rate -> amount.divide(rate, 2, RoundingMode.HALF_EVEN));
	}

}
