package org.coopflow.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * An officer imports a list of UN operational rates as CSV ({@code currency,month,unitsPerUsd}), through the API
 * or the rates page: every line is checked first, and one bad line imports nothing, so that a month's list is
 * never half entered.
 */
@Service
class ImportRates {

	static final int SHOWN_ERRORS = 200;

	private final ExchangeRates rates;

	ImportRates(ExchangeRates rates) {
		this.rates = rates;
	}

	/** What was imported: how many rates, of which months. */
	record Report(int entered, SortedSet<YearMonth> months) {
	}

	/** One refused line (the header is line 1), its column and why. */
	public record LineError(long line, String column, String reason) {
	}

	/** The file was refused whole; nothing was entered. */
	static final class Rejected extends RuntimeException {

		private final List<LineError> errors;

		Rejected(String detail, List<LineError> errors) {
			super(detail);
			this.errors = List.copyOf(errors);
		}

		public List<LineError> errors() {
			return errors;
		}

	}

	/**
	 * @throws Rejected naming every wrong line, or the header or file; nothing entered
	 */
	Report importCsv(InputStream body, String by) throws IOException {
		List<ExchangeRate> parsed = new ArrayList<>();
		List<LineError> errors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(body).get(),
				StandardCharsets.UTF_8);
				CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(false).get().parse(reader)) {
			if (!csv.getHeaderNames().containsAll(List.of("currency", "month", "unitsPerUsd"))) {
				throw new Rejected("The header must be: currency,month,unitsPerUsd",
						List.of(new LineError(1, "header", "must be currency,month,unitsPerUsd")));
			}
			var records = csv.iterator();
			while (true) {
				// the line a record starts on, counted before it is read: the parser's record number skips blank lines
				long line = csv.getCurrentLineNumber() + 1;
				if (!records.hasNext()) {
					break;
				}
				CSVRecord record = records.next();
				if (record.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (!record.isConsistent()) {
					errors.add(new LineError(line, "line", "has " + record.size() + " values, not one per column of the header"));
					continue;
				}
				String currency = record.get("currency");
				YearMonth month = null;
				BigDecimal value = null;
				try {
					month = ExchangeRates.month(record.get("month"), "month");
				}
				catch (InvalidInputException e) {
					e.errors().forEach(error -> errors.add(new LineError(line, error.field(), error.reason())));
				}
				try {
					value = new BigDecimal(record.get("unitsPerUsd"));
				}
				catch (NumberFormatException e) {
					errors.add(new LineError(line, "unitsPerUsd", "'" + record.get("unitsPerUsd") + "' is not a number"));
				}
				for (InvalidField error : rates.check(currency, value == null ? BigDecimal.ONE : value)) {
					errors.add(new LineError(line, error.field(), error.reason()));
				}
				if (month != null && !seen.add(currency + "/" + month)) {
					errors.add(new LineError(line, "currency", currency + " appears twice for " + month));
				}
				if (month != null && value != null) {
					parsed.add(new ExchangeRate(currency, month, value, null, null));
				}
			}
		}
		catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
			// Commons CSV's answer to a file that is not CSV at all: a quote left open, a header named twice
			throw new Rejected("The file is not CSV that can be read: " + e.getMessage(),
					List.of(new LineError(1, "file", "is not CSV that can be read")));
		}
		if (!errors.isEmpty()) {
			// a wrong file of thousands of lines is not answered with thousands of reasons
			throw new Rejected(errors.size() > SHOWN_ERRORS
					? errors.size() + " problems; the first " + SHOWN_ERRORS + " are listed. Nothing was imported."
					: "Some lines are wrong; nothing was imported.", errors.subList(0, Math.min(errors.size(), SHOWN_ERRORS)));
		}
		if (parsed.isEmpty()) {
			throw new Rejected("The file has no rates below the header.", List.of(new LineError(2, "file", "no rows")));
		}
		rates.enter(parsed, by);
		return new Report(parsed.size(), new TreeSet<>(parsed.stream().map(ExchangeRate::month).toList()));
	}

}
