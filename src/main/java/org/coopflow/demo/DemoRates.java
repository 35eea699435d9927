package org.coopflow.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.coopflow.reference.ExchangeRate;
import org.coopflow.reference.Currencies;
import org.coopflow.reference.ExchangeRates;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * UN operational rates for the last 24 months (this month included) for every currency of the
 * catalogue, entered through the reference module's exchange-rate service. A month's rate already
 * entered, by a person or an earlier load, is never overwritten.
 */
@Component
class DemoRates {

	static final int MONTHS = 24;

	static final String ENTERED_BY = "coopflow";

	private final ExchangeRates rates;

	DemoRates(ExchangeRates rates) {
		this.rates = rates;
	}

	/** @return how many rates of the chosen currencies were entered */
	int enter(YearMonth thisMonth, Predicate<String> currencies) {
		Map<String, Base> bases = read();
		List<ExchangeRate> missing = new ArrayList<>();
		for (int back = MONTHS - 1; back >= 0; back--) {
			YearMonth month = thisMonth.minusMonths(back);
			Set<String> known = rates.ofMonth(month).stream().map(ExchangeRate::currency).collect(Collectors.toSet());
			for (Base base : bases.values()) {
				if (currencies.test(base.currency()) && !known.contains(base.currency())
						&& rates.codes().isCurrency(base.currency())) {
					missing.add(new ExchangeRate(base.currency(), month, base.in(month), ENTERED_BY, null));
				}
			}
		}
		// one call, so one transaction: 24 commits would cost more than the 5,000 rows
		if (!missing.isEmpty()) {
			rates.enter(missing, ENTERED_BY);
		}
		return missing.size();
	}

	private record Base(String currency, BigDecimal unitsPerUsd, boolean pegged) {

		/** A drift of up to 2 % around the figure, the same for a month whichever day it is entered on. */
		BigDecimal in(YearMonth month) {
			if (pegged) {
				return unitsPerUsd;
			}
			double phase = Math.floorMod(currency.hashCode(), 12);
			double drift = 0.02 * Math.sin(2 * Math.PI * (month.getYear() * 12 + month.getMonthValue() + phase) / 12.0);
			BigDecimal value = unitsPerUsd.multiply(BigDecimal.valueOf(1 + drift)).round(new MathContext(6));
			return Currencies.rate(value);
		}

	}

	private static Map<String, Base> read() {
		Map<String, Base> bases = new LinkedHashMap<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("demo/exchange-rates.csv").getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			boolean header = true;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				String[] cells = line.split(";");
				bases.put(cells[0], new Base(cells[0], new BigDecimal(cells[1]), "peg".equals(cells[2])));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bases;
	}

}
