package org.coopflow.pledges;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

import org.coopflow.shared.InvalidField;

/**
 * Amounts of pledges: checked against their currency's minor units, shown at that scale, and converted to
 * USD, so that every step of a pledge rounds the same way.
 */
final class PledgeMoney {

	private PledgeMoney() {
	}

	/** A positive amount with no more decimals than the currency has minor units; null (and an error) otherwise. */
	static BigDecimal checkAmount(BigDecimal amount, String currency, String field, List<InvalidField> errors) {
		if (amount == null) {
			errors.add(new InvalidField(field, "is required"));
			return null;
		}
		if (amount.signum() <= 0) {
			errors.add(new InvalidField(field, "must be more than zero"));
			return null;
		}
		int minorUnits = minorUnits(currency);
		if (amount.stripTrailingZeros().scale() > minorUnits) {
			errors.add(new InvalidField(field, currency + " has " + (minorUnits == 0 ? "no minor units" : minorUnits
					+ " decimals") + "; " + amount.toPlainString() + " has more"));
			return null;
		}
		if (amount.precision() - amount.scale() > 15) {
			errors.add(new InvalidField(field, "must be less than 10^15"));
			return null;
		}
		return amount.setScale(minorUnits, RoundingMode.UNNECESSARY);
	}

	/** What can be said of an amount whose currency is wrong; null, since nothing is recorded then. */
	static BigDecimal checkAmountWithoutCurrency(BigDecimal amount, String field, List<InvalidField> errors) {
		if (amount == null) {
			errors.add(new InvalidField(field, "is required"));
		}
		else if (amount.signum() <= 0) {
			errors.add(new InvalidField(field, "must be more than zero"));
		}
		else if (amount.precision() - amount.scale() > 15) {
			errors.add(new InvalidField(field, "must be less than 10^15"));
		}
		return null;
	}

	static int minorUnits(String currency) {
		try {
			return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException e) {
			return 2;
		}
	}

	static BigDecimal scaled(BigDecimal amount, String currency) {
		return amount.setScale(minorUnits(currency), RoundingMode.HALF_EVEN);
	}

	static BigDecimal usd(BigDecimal amount, BigDecimal unitsPerUsd) {
		return amount.divide(unitsPerUsd, 2, RoundingMode.HALF_EVEN);
	}

	/** The rate as stored: six decimals. */
	static BigDecimal rate(BigDecimal unitsPerUsd) {
		return unitsPerUsd.setScale(6, RoundingMode.HALF_EVEN);
	}

	/** e.g. "NOK 1000.00", as the timeline and the error messages write it. */
	static String money(BigDecimal amount, String currency) {
		return currency + " " + scaled(amount, currency).toPlainString();
	}

}
