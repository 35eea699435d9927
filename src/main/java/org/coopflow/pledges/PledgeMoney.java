package org.coopflow.pledges;

import java.math.BigDecimal;
import java.util.List;

import org.coopflow.reference.Currencies;
import org.coopflow.shared.InvalidField;
import org.springframework.stereotype.Component;

/**
 * Amounts of pledges through the one money rule ({@link Currencies}), in the words pledges have always
 * used: an amount's own checks, its currency's scale, and the plain "NOK 1000.00" of timelines and
 * error messages.
 */
@Component
class PledgeMoney {

	/** Digits before the point that the amount columns hold. */
	private static final int MAX_INTEGER_DIGITS = 15;

	private final Currencies currencies;

	PledgeMoney(Currencies currencies) {
		this.currencies = currencies;
	}

	boolean isMoney(String currency) {
		return currencies.isMoney(currency);
	}

	/** A positive amount with no more decimals than the currency has minor units; null (and an error) otherwise. */
	BigDecimal checkAmount(BigDecimal amount, String currency, String field, List<InvalidField> errors) {
		if (amount == null) {
			errors.add(new InvalidField(field, "is required"));
			return null;
		}
		if (amount.signum() <= 0) {
			errors.add(new InvalidField(field, "must be more than zero"));
			return null;
		}
		int minorUnits = currencies.minorUnits(currency);
		if (amount.stripTrailingZeros().scale() > minorUnits) {
			errors.add(new InvalidField(field, currency + " has " + (minorUnits == 0 ? "no minor units" : minorUnits
					+ " decimals") + "; " + amount.toPlainString() + " has more"));
			return null;
		}
		if (!Currencies.checkDigits(field, amount, MAX_INTEGER_DIGITS, errors)) {
			return null;
		}
		return currencies.inMinorUnits(amount, currency);
	}

	/** What can be said of an amount whose currency is wrong; null, since nothing is recorded then. */
	static BigDecimal checkAmountWithoutCurrency(BigDecimal amount, String field, List<InvalidField> errors) {
		if (amount == null) {
			errors.add(new InvalidField(field, "is required"));
		}
		else if (amount.signum() <= 0) {
			errors.add(new InvalidField(field, "must be more than zero"));
		}
		else {
			Currencies.checkDigits(field, amount, MAX_INTEGER_DIGITS, errors);
		}
		return null;
	}

	BigDecimal scaled(BigDecimal amount, String currency) {
		return currencies.round(amount, currency);
	}

	/** e.g. "NOK 1000.00", as the timeline and the error messages write it. */
	String text(BigDecimal amount, String currency) {
		return currency + " " + scaled(amount, currency).toPlainString();
	}

}
