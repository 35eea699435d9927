package org.coopflow.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Supplier;

import org.coopflow.shared.InvalidField;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The rules of money in one place: which codes are currencies money is held in, how many decimals an
 * amount of each may have, how amounts and rates are rounded and how they become US dollars.
 * <p>
 * Minor units come from the currency catalogue ({@link ReferenceCodes}) alone, never from
 * {@code java.util.Currency}: a code the catalogue does not know has no minor units to fall back on,
 * so it is refused rather than quietly given two decimals.
 * <p>
 * The checks add {@link InvalidField}s to a list instead of throwing, so that a request's every error is
 * reported at once.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Currencies {

	/** The currency every amount is also kept in; rates are units per US dollar. */
	public static final String USD = "USD";

	/** US dollar amounts are kept to the cent. */
	public static final int USD_MINOR_UNITS = 2;

	/** Decimals of a rate, as the UN operational rates of exchange are published. */
	public static final int RATE_DECIMALS = 6;

	/** Digits before the point of a rate, what the rate columns hold. */
	public static final int RATE_INTEGER_DIGITS = 13;

	private final Supplier<ReferenceCodes.Snapshot> codes;

	@Autowired
	Currencies(ReferenceCodes codes) {
		this(codes::snapshot);
	}

	Currencies(Supplier<ReferenceCodes.Snapshot> codes) {
		this.codes = codes;
	}

	/** The rules over a given catalogue, as unit tests build one; the application's is the bean. */
	public static Currencies of(ReferenceCodes.Snapshot codes) {
		return new Currencies(() -> codes);
	}

	/** Whether {@code code} is in the ISO 4217 catalogue, minor units or not (gold, SDR...). */
	public boolean isCurrency(String code) {
		return code != null && codes.get().isCurrency(code);
	}

	/** Whether money can be held in {@code code}: a catalogue currency with minor units. */
	public boolean isMoney(String code) {
		return isCurrency(code) && codes.get().minorUnits(code) >= 0;
	}

	/**
	 * The decimals an amount of {@code currency} may have (USD 2, JPY 0, BHD 3).
	 * @throws IllegalArgumentException if {@code currency} is not {@linkplain #isMoney money}
	 */
	public int minorUnits(String currency) {
		if (!isMoney(currency)) {
			throw new IllegalArgumentException("'" + currency + "' is not an ISO 4217 currency with minor units");
		}
		return codes.get().minorUnits(currency);
	}

	/**
	 * Adds what is wrong with a currency code: "'XQZ' is not an ISO 4217 currency", or, for a catalogue
	 * code without minor units, "XAU is not a currency " followed by {@code usedFor} (e.g. "a budget can
	 * be set in"), which says in the caller's words what the currency was wanted for.
	 * @return whether the code is {@linkplain #isMoney money}
	 */
	public boolean checkCurrency(String field, String currency, String usedFor, List<InvalidField> errors) {
		if (!isCurrency(currency)) {
			errors.add(new InvalidField(field, "'" + currency + "' is not an ISO 4217 currency"));
			return false;
		}
		if (!isMoney(currency)) {
			errors.add(new InvalidField(field, currency + " is not a currency " + usedFor));
			return false;
		}
		return true;
	}

	/**
	 * Adds "JPY has 0 decimal places" when {@code amount} is not a whole number of the currency's minor
	 * unit. Says nothing of a missing amount or of a currency that is not money: those are the
	 * caller's to report, and once.
	 * @return whether the amount fits
	 */
	public boolean checkDecimals(String field, BigDecimal amount, String currency, List<InvalidField> errors) {
		if (amount == null || !isMoney(currency)) {
			return true;
		}
		int minorUnits = minorUnits(currency);
		if (amount.stripTrailingZeros().scale() > minorUnits) {
			errors.add(new InvalidField(field, currency + " has " + minorUnits + " decimal places"));
			return false;
		}
		return true;
	}

	/**
	 * {@link #checkDecimals}, then {@link #checkDigits}: at most one error for the field.
	 * @return whether the amount fits both
	 */
	public boolean checkAmount(String field, BigDecimal amount, String currency, int maxIntegerDigits,
			List<InvalidField> errors) {
		return checkDecimals(field, amount, currency, errors) && checkDigits(field, amount, maxIntegerDigits, errors);
	}

	/**
	 * Adds "must be less than 10^15" when {@code amount} has more than {@code maxIntegerDigits} digits before
	 * the point, what the column that keeps it holds; nothing for a missing amount.
	 * @return whether the amount fits
	 */
	public static boolean checkDigits(String field, BigDecimal amount, int maxIntegerDigits, List<InvalidField> errors) {
		if (amount != null && amount.precision() - amount.scale() > maxIntegerDigits) {
			errors.add(new InvalidField(field, "must be less than 10^" + maxIntegerDigits));
			return false;
		}
		return true;
	}

	/**
	 * Adds what is wrong with a rate in units of a currency per US dollar: "must be a positive number", or
	 * "must have at most 13 digits before and 6 after the point".
	 * @return whether the rate can be kept as it is
	 */
	static boolean checkRate(String field, BigDecimal unitsPerUsd, List<InvalidField> errors) {
		if (unitsPerUsd == null || unitsPerUsd.signum() <= 0) {
			errors.add(new InvalidField(field, "must be a positive number"));
			return false;
		}
		if (unitsPerUsd.stripTrailingZeros().scale() > RATE_DECIMALS
				|| unitsPerUsd.precision() - unitsPerUsd.scale() > RATE_INTEGER_DIGITS) {
			errors.add(new InvalidField(field, "must have at most " + RATE_INTEGER_DIGITS + " digits before and "
					+ RATE_DECIMALS + " after the point"));
			return false;
		}
		return true;
	}

	/**
	 * {@code amount} to the currency's minor units, half to even (banker's rounding, so that rounding
	 * many amounts does not drift upwards).
	 * @throws IllegalArgumentException if {@code currency} is not {@linkplain #isMoney money}
	 */
	public BigDecimal round(BigDecimal amount, String currency) {
		return amount.setScale(minorUnits(currency), RoundingMode.HALF_EVEN);
	}

	/**
	 * {@code amount} written with exactly the currency's minor units (45000.5 EUR as 45000.50), as it is
	 * shown and stored.
	 * @throws ArithmeticException if the amount has more decimals than the currency; check it first
	 * @throws IllegalArgumentException if {@code currency} is not {@linkplain #isMoney money}
	 */
	public BigDecimal inMinorUnits(BigDecimal amount, String currency) {
		return amount.setScale(minorUnits(currency), RoundingMode.UNNECESSARY);
	}

	/** {@code amount} of a currency in US dollars at {@code unitsPerUsd}, to the cent, half to even. */
	public static BigDecimal toUsd(BigDecimal amount, BigDecimal unitsPerUsd) {
		return amount.divide(unitsPerUsd, USD_MINOR_UNITS, RoundingMode.HALF_EVEN);
	}

	/** A US dollar amount to the cent, half to even. */
	public static BigDecimal roundUsd(BigDecimal amountUsd) {
		return amountUsd.setScale(USD_MINOR_UNITS, RoundingMode.HALF_EVEN);
	}

	/** A rate to the {@link #RATE_DECIMALS} decimals it is kept with, half to even. */
	public static BigDecimal rate(BigDecimal unitsPerUsd) {
		return unitsPerUsd.setScale(RATE_DECIMALS, RoundingMode.HALF_EVEN);
	}

}
