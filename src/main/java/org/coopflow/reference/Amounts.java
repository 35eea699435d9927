package org.coopflow.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount as people read it on pages, forms, mails and task names: the currency's code, thousands
 * separated, and the currency's own minor units ("NOK 100,000", "USD 2,500.50", "JPY 3,000,000"). Whole
 * amounts are shown without ".00", as a budget line is written. English separators, as the rest of
 * coopflow's words.
 */
@org.springframework.modulith.NamedInterface("api")
public final class Amounts {

	private Amounts() {
	}

	/** e.g. {@code format("NOK", 100000.00)} is "NOK 100,000"; an unknown code gets two decimals. */
	public static String format(String currency, BigDecimal amount) {
		if (amount == null) {
			return "";
		}
		return currency == null ? number(amount, 2) : currency + " " + number(amount, minorUnits(currency));
	}

	public static String format(Money money) {
		return money == null ? "" : format(money.currency(), money.amount());
	}

	/** The number alone, grouped, with at most the currency's minor units and none when it is whole. */
	public static String number(BigDecimal amount, int minorUnits) {
		BigDecimal scaled = amount.setScale(Math.max(minorUnits, 0), RoundingMode.HALF_EVEN);
		boolean whole = scaled.stripTrailingZeros().scale() <= 0;
		DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0." + "0".repeat(minorUnits),
				DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		return format.format(scaled);
	}

	private static int minorUnits(String currency) {
		try {
			int digits = Currency.getInstance(currency).getDefaultFractionDigits();
			return digits < 0 ? 2 : digits;
		}
		catch (IllegalArgumentException e) {
			return 2;
		}
	}

}
