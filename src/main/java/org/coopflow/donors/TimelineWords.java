package org.coopflow.donors;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coopflow.programmes.FundingLedger;
import org.coopflow.reference.Amounts;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.StandardsCatalogue;
import org.springframework.stereotype.Component;

/**
 * A pledge timeline's details in words. The details were written when each step happened, with codes
 * ("earmarked STANDARD SMR-PRISONERS", "NOK 100000.00 (USD 9505.70 at 10.52 per USD)"); history is never
 * rewritten, so the page says them in words as it shows them, for old steps and new alike.
 */
@Component
class TimelineWords {

	private static final Pattern EARMARK = Pattern.compile("earmarked (NONE|STANDARD|COUNTRY|PROGRAMME)(?: ([A-Za-z0-9-]+))?");

	private static final Pattern RATE = Pattern.compile("\\(USD ([0-9.]+) at ([0-9.]+) per USD((?:, [^)]*)?)\\)");

	/** A pledge rated at an earlier month's rate while its own month's was not entered yet. */
	private static final Pattern PROVISIONAL = Pattern
		.compile(", provisionally the rate of (\\d{4}-\\d{2}) until the rate of (\\d{4}-\\d{2}) is entered");

	/** The month's rate entered, replacing the provisional one (ProvisionalRates' words). */
	private static final Pattern CONFIRMED = Pattern.compile("The UN operational rate of (\\d{4}-\\d{2}) \\(([0-9.]+) "
			+ "([A-Z]{3}) per USD\\) replaces the provisional rate of (\\d{4}-\\d{2}) \\(([0-9.]+)\\)");

	private static final java.time.format.DateTimeFormatter MONTH = java.time.format.DateTimeFormatter
		.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH);

	private static final Pattern MONEY = Pattern.compile("\\b([A-Z]{3}) (-?[0-9]+(?:\\.[0-9]+)?)\\b");

	private final StandardsCatalogue standards;

	private final FundingLedger programmes;

	TimelineWords(StandardsCatalogue standards, FundingLedger programmes) {
		this.standards = standards;
		this.programmes = programmes;
	}

	String of(String detail, String currency) {
		if (detail == null) {
			return null;
		}
		String words = replace(EARMARK, detail, m -> switch (m.group(1)) {
			case "NONE" -> "not earmarked";
			case "STANDARD" -> "earmarked for the " + standards.title(m.group(2));
			case "COUNTRY" -> "earmarked for " + CountryNames.name(m.group(2));
			default -> "earmarked for " + programme(m.group(2));
		});
		words = replace(PROVISIONAL, words,
				m -> ", provisionally at the rate of " + month(m.group(1)) + " until the rate of " + month(m.group(2))
						+ " is entered");
		words = replace(CONFIRMED, words,
				m -> "The UN operational rate of " + month(m.group(1)) + " (1 USD = " + rate(m.group(2)) + " "
						+ m.group(3) + ") replaces the provisional rate of " + month(m.group(4)) + " (1 USD = "
						+ rate(m.group(5)) + " " + m.group(3) + ")");
		// a dollar pledge has no rate to speak of
		words = replace(RATE, words, m -> "USD".equals(currency) ? ""
				: "(" + Amounts.format("USD", new BigDecimal(m.group(1))) + " at 1 USD = " + rate(m.group(2)) + " "
						+ currency + m.group(3) + ")");
		words = replace(MONEY, words.replace(" ()", "").replace(" , ", ", "),
				m -> Amounts.format(m.group(1), new BigDecimal(m.group(2))));
		return words.replace(" -> ", " → ");
	}

	private static String month(String yearMonth) {
		return MONTH.format(java.time.YearMonth.parse(yearMonth));
	}

	private static String rate(String unitsPerUsd) {
		return new BigDecimal(unitsPerUsd).stripTrailingZeros().toPlainString();
	}

	private String programme(String id) {
		if (id == null) {
			return "a programme";
		}
		try {
			return programmes.target(Long.parseLong(id)).map(p -> "“" + p.title() + "”").orElse("programme " + id);
		}
		catch (NumberFormatException e) {
			return "programme " + id;
		}
	}

	private static String replace(Pattern pattern, String text, java.util.function.Function<java.util.regex.MatchResult, String> words) {
		return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(words.apply(m)));
	}

}
