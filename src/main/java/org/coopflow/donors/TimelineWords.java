package org.coopflow.donors;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.coopflow.programmes.FundingLedger;
import org.coopflow.reference.Amounts;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Standard;
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
		return of(detail, currency, standards::title, programmes::target);
	}

	/**
	 * The words of many details, e.g. of a page of timelines: the standards and programmes they name are
	 * read once for all of them rather than once a step, with the {@code programmes} the caller names too.
	 */
	Words of(Collection<String> details, Collection<Long> programmes) {
		Set<Long> ids = new HashSet<>(programmes);
		for (String detail : details) {
			if (detail != null) {
				Matcher earmark = EARMARK.matcher(detail);
				while (earmark.find()) {
					if ("PROGRAMME".equals(earmark.group(1)) && earmark.group(2) != null && earmark.group(2).matches("[0-9]{1,18}")) {
						ids.add(Long.parseLong(earmark.group(2)));
					}
				}
			}
		}
		Map<Long, FundingLedger.Target> targets = ids.isEmpty() ? Map.of() : this.programmes.targets(ids);
		Map<String, String> titles = standards.all()
			.stream()
			.collect(Collectors.toMap(Standard::code, Standard::title, (a, b) -> a));
		return new Words(titles, targets);
	}

	/** What {@link TimelineWords#of(Collection, Collection)} read: say each detail with {@link #of(String, String)}. */
	final class Words {

		private final Map<String, String> titles;

		private final Map<Long, FundingLedger.Target> targets;

		private Words(Map<String, String> titles, Map<Long, FundingLedger.Target> targets) {
			this.titles = titles;
			this.targets = targets;
		}

		String of(String detail, String currency) {
			return TimelineWords.this.of(detail, currency, this::title, id -> Optional.ofNullable(targets.get(id)));
		}

		/** One of the programmes named, if it exists. */
		Optional<FundingLedger.Target> programme(long id) {
			return Optional.ofNullable(targets.get(id));
		}

		/** A standard's title, or its code when the catalogue has no such standard (as StandardsCatalogue.title). */
		String title(String code) {
			return code == null ? null : titles.getOrDefault(code, code);
		}

	}

	private String of(String detail, String currency, Function<String, String> standardTitle,
			Function<Long, Optional<FundingLedger.Target>> target) {
		if (detail == null) {
			return null;
		}
		String words = replace(EARMARK, detail, m -> switch (m.group(1)) {
			case "NONE" -> "not earmarked";
			case "STANDARD" -> "earmarked for the " + standardTitle.apply(m.group(2));
			case "COUNTRY" -> "earmarked for " + CountryNames.name(m.group(2));
			default -> "earmarked for " + programme(m.group(2), target);
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

	private static String programme(String id, Function<Long, Optional<FundingLedger.Target>> target) {
		if (id == null) {
			return "a programme";
		}
		try {
			return target.apply(Long.parseLong(id)).map(p -> "“" + p.title() + "”").orElse("programme " + id);
		}
		catch (NumberFormatException e) {
			return "programme " + id;
		}
	}

	private static String replace(Pattern pattern, String text, java.util.function.Function<java.util.regex.MatchResult, String> words) {
		return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(words.apply(m)));
	}

}
