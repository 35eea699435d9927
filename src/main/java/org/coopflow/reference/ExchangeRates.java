package org.coopflow.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.coopflow.FieldError;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * UN operational rates of exchange, one per currency and month. A month's rate may be corrected; what
 * was converted with it keeps the rate it used (pledges store theirs).
 */
@Service
public class ExchangeRates {

	private final JdbcClient jdbc;

	private final ReferenceCodes codes;

	ExchangeRates(JdbcClient jdbc, ReferenceCodes codes) {
		this.jdbc = jdbc;
		this.codes = codes;
	}

	public List<ExchangeRate> ofMonth(YearMonth month) {
		return jdbc.sql("""
				SELECT currency, rate_month, units_per_usd, entered_by, entered_at FROM exchange_rate
				WHERE rate_month = ? ORDER BY currency""")
			.param(month.atDay(1))
			.query((rs, row) -> new ExchangeRate(rs.getString(1).trim(), YearMonth.from(rs.getDate(2).toLocalDate()),
					rs.getBigDecimal(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** Checks one rate; field names are prefixed so that an import can say which line they are on. */
	public List<FieldError> check(String currency, BigDecimal unitsPerUsd, ReferenceCodes.Snapshot snapshot) {
		List<FieldError> errors = new ArrayList<>();
		if (currency == null || !snapshot.isCurrency(currency)) {
			errors.add(new FieldError("currency", "'" + currency + "' is not an ISO 4217 currency"));
		}
		else if (snapshot.minorUnits(currency) < 0) {
			errors.add(new FieldError("currency", currency + " is not a currency money is pledged in (gold, SDR, testing codes...)"));
		}
		else if ("USD".equals(currency)) {
			errors.add(new FieldError("currency", "USD is the base of the rates (always 1)"));
		}
		if (unitsPerUsd == null || unitsPerUsd.signum() <= 0) {
			errors.add(new FieldError("unitsPerUsd", "must be a positive number"));
		}
		else if (unitsPerUsd.stripTrailingZeros().scale() > 6 || unitsPerUsd.precision() - unitsPerUsd.scale() > 13) {
			errors.add(new FieldError("unitsPerUsd", "must have at most 13 digits before and 6 after the point"));
		}
		return errors;
	}

	/** Enters or corrects the rates of a month, all or none. */
	@Transactional
	public void enter(List<ExchangeRate> rates, String by) {
		Instant now = Instant.now();
		for (ExchangeRate rate : rates) {
			int updated = jdbc.sql("""
					UPDATE exchange_rate SET units_per_usd = ?, entered_by = ?, entered_at = ?
					WHERE currency = ? AND rate_month = ?""")
				.params(rate.unitsPerUsd(), by, Timestamp.from(now), rate.currency(), rate.month().atDay(1))
				.update();
			if (updated == 0) {
				jdbc.sql("""
						INSERT INTO exchange_rate (currency, rate_month, units_per_usd, entered_by, entered_at)
						VALUES (?, ?, ?, ?, ?)""")
					.params(rate.currency(), rate.month().atDay(1), rate.unitsPerUsd(), by, Timestamp.from(now))
					.update();
			}
		}
	}

	public ReferenceCodes.Snapshot codes() {
		return codes.snapshot();
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
