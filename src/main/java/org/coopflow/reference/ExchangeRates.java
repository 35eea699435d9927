package org.coopflow.reference;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * UN operational rates of exchange, one per currency and month. A month's rate may be corrected; what
 * was converted with it keeps the rate it used (pledges store theirs).
 * <p>
 * While a month's rate is not entered yet, {@link #forRating} offers the latest rate of the two months
 * before, as provisional; entering the month's rate publishes {@link ExchangeRateEntered} so that what
 * was rated provisionally is re-rated.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class ExchangeRates {

	/** How many months before the month a provisional rate may come from. */
	public static final int PROVISIONAL_MONTHS = 2;

	private final JdbcClient jdbc;

	private final ReferenceCodes codes;

	private final Currencies currencies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ExchangeRates(JdbcClient jdbc, ReferenceCodes codes, Currencies currencies, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.codes = codes;
		this.currencies = currencies;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The rate to convert at in {@code month}: the month's own, or, while that is not entered, the
	 * latest of the {@link #PROVISIONAL_MONTHS} months before ({@code provisional}, from {@code rateMonth}).
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record Rating(String currency, YearMonth rateMonth, BigDecimal unitsPerUsd, boolean provisional) {
	}

	/** The months rates are kept for: a typo such as 2206-11 is refused, not kept as a rate nobody finds. */
	public static final YearMonth FIRST_MONTH = YearMonth.of(1990, 1);

	public static final YearMonth LAST_MONTH = YearMonth.of(2099, 12);

	/**
	 * A month as people and files write it, 2026-11.
	 *
	 * @throws InvalidInputException naming {@code field} when it is not such a month, or not one rates are kept for
	 */
	public static YearMonth month(String text, String field) {
		YearMonth month;
		try {
			month = YearMonth.parse(text == null ? "" : text.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new InvalidInputException(field, text == null || text.isBlank() ? "is required: a month such as 2026-11"
					: "'" + text + "' is not a month such as 2026-11");
		}
		if (month.isBefore(FIRST_MONTH) || month.isAfter(LAST_MONTH)) {
			throw new InvalidInputException(field, "'" + text + "' is not a month rates are kept for (" + FIRST_MONTH
					+ " to " + LAST_MONTH + ")");
		}
		return month;
	}

	public List<ExchangeRate> ofMonth(YearMonth month) {
		return jdbc.sql("""
				SELECT currency, rate_month, units_per_usd, entered_by, entered_at FROM exchange_rate
				WHERE rate_month = ? ORDER BY currency""")
			.param(month.atDay(1))
			.query(ExchangeRates::rate)
			.list();
	}

	private static ExchangeRate rate(ResultSet rs, int row) throws SQLException {
		return new ExchangeRate(rs.getString(1).trim(), YearMonth.from(rs.getDate(2).toLocalDate()), rs.getBigDecimal(3),
				rs.getString(4), rs.getTimestamp(5).toInstant());
	}

	/** Checks one rate; field names are prefixed so that an import can say which line they are on. */
	public List<InvalidField> check(String currency, BigDecimal unitsPerUsd) {
		List<InvalidField> errors = new ArrayList<>();
		if (currencies.checkCurrency("currency", currency, "money is pledged in (gold, SDR, testing codes...)", errors)
				&& Currencies.USD.equals(currency)) {
			errors.add(new InvalidField("currency", "USD is the base of the rates (always 1)"));
		}
		Currencies.checkRate("unitsPerUsd", unitsPerUsd, errors);
		return errors;
	}

	/**
	 * Enters or corrects the rates of a month, all or none. Each rate publishes
	 * {@link ExchangeRateEntered} in this transaction, so a listener that fails (re-rating pledges)
	 * enters nothing: the officer is told and tries again, and no pledge is left half re-rated.
	 */
	@Transactional
	public void enter(List<ExchangeRate> rates, String by) {
		Instant now = clock.instant();
		// one order for the row locks, so that two imports of overlapping months wait instead of deadlocking
		List<ExchangeRate> ordered = rates.stream()
			.sorted(Comparator.comparing(ExchangeRate::currency).thenComparing(ExchangeRate::month))
			.toList();
		for (ExchangeRate rate : ordered) {
			lockWindow(rate.currency(), rate.month());
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
			events.publishEvent(new ExchangeRateEntered(rate.currency(), rate.month(), rate.unitsPerUsd(), by));
		}
	}

	/**
	 * Enters or corrects one currency's rate for a month, as {@link #enter} does.
	 *
	 * @return the rate as stored, with who entered it and when
	 * @throws InvalidInputException naming the currency or the rate when either is wrong; nothing entered
	 */
	@Transactional
	public ExchangeRate enterOne(String currency, YearMonth month, BigDecimal unitsPerUsd, String by) {
		List<InvalidField> errors = check(currency, unitsPerUsd);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		enter(List.of(new ExchangeRate(currency, month, unitsPerUsd, null, null)), by);
		return jdbc.sql("""
				SELECT currency, rate_month, units_per_usd, entered_by, entered_at FROM exchange_rate
				WHERE currency = ? AND rate_month = ?""")
			.params(currency, month.atDay(1))
			.query(ExchangeRates::rate)
			.single();
	}

	public ReferenceCodes.Snapshot codes() {
		return codes.snapshot();
	}

	/**
	 * The rate to convert an amount at on {@code day}: the month's rate, or the latest of the
	 * {@link #PROVISIONAL_MONTHS} months before as provisional; empty when there is none of them. USD is
	 * always 1.
	 * <p>
	 * Runs in the transaction that stores what is rated: it locks the currency's rate rows of those
	 * months until that transaction ends, and {@link #enter} takes the same locks before it stores a
	 * rate. Either the month's rate is entered first and this sees it (the rows are read again once the
	 * locks are held, under READ COMMITTED on H2 and MariaDB alike), or the provisional rating commits
	 * first and the entry's {@link ExchangeRateEntered} finds it. Nothing rated provisionally can slip
	 * between an entry and its event and keep a provisional rate for good.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Rating> forRating(String currency, LocalDate day) {
		if (Currencies.USD.equals(currency)) {
			// USD is always 1 and never entered (check refuses it): there is no rate row to order with
			return recent(currency, day);
		}
		lockWindow(currency, YearMonth.from(day));
		return recent(currency, day);
	}

	/**
	 * The month's rate, or the latest of the {@link #PROVISIONAL_MONTHS} months before as provisional;
	 * without the ordering {@link #forRating} gives, for figures that are not re-rated.
	 */
	public Optional<Rating> recent(String currency, LocalDate day) {
		YearMonth month = YearMonth.from(day);
		if (Currencies.USD.equals(currency)) {
			return Optional.of(new Rating(currency, month, BigDecimal.ONE, false));
		}
		return jdbc.sql("""
				SELECT rate_month, units_per_usd FROM exchange_rate
				WHERE currency = ? AND rate_month BETWEEN ? AND ? ORDER BY rate_month DESC""")
			.params(currency, month.minusMonths(PROVISIONAL_MONTHS).atDay(1), month.atDay(1))
			.query((rs, row) -> {
				YearMonth of = YearMonth.from(rs.getDate(1).toLocalDate());
				return new Rating(currency, of, rs.getBigDecimal(2), !of.equals(month));
			})
			.list()
			.stream()
			.findFirst();
	}

	/** Locks the currency's existing rate rows of the month and of the months a provisional rate may come from. */
	private void lockWindow(String currency, YearMonth month) {
		jdbc.sql("""
				SELECT rate_month FROM exchange_rate
				WHERE currency = ? AND rate_month BETWEEN ? AND ? ORDER BY rate_month FOR UPDATE""")
			.params(currency, month.minusMonths(PROVISIONAL_MONTHS).atDay(1), month.atDay(1))
			.query(Date.class)
			.list();
	}

	/** Units of {@code currency} per US dollar in the month of {@code day}; USD is always 1. */
	public Optional<BigDecimal> unitsPerUsd(String currency, LocalDate day) {
		if (Currencies.USD.equals(currency)) {
			return Optional.of(BigDecimal.ONE);
		}
		return jdbc.sql("SELECT units_per_usd FROM exchange_rate WHERE currency = ? AND rate_month = ?")
			.params(currency, day.withDayOfMonth(1))
			.query(BigDecimal.class)
			.optional();
	}

	/** {@code amount} in US dollars at the month's rate, to the cent; empty when no rate is known. */
	public Optional<BigDecimal> toUsd(BigDecimal amount, String currency, LocalDate day) {
		return unitsPerUsd(currency, day).map(rate -> Currencies.toUsd(amount, rate));
	}

}
