package org.coopflow.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly UN operational rates of exchange. Everyone signed in reads them; programme officers and
 * administrators enter them one by one or import a month's list as CSV (who may write is decided in
 * the security module's URL rules).
 */
@RestController
@RequestMapping("/api/exchange-rates")
@Tag(name = "Reference data")
class ExchangeRateController {

	private final ExchangeRates rates;

	ExchangeRateController(ExchangeRates rates) {
		this.rates = rates;
	}

	record RateValue(BigDecimal unitsPerUsd) {
	}

	record ImportReport(int entered) {
	}

	record LineError(long line, String column, String reason) {
	}

	static final class ImportRejected extends RuntimeException {

		final List<LineError> errors;

		ImportRejected(String detail, List<LineError> errors) {
			super(detail);
			this.errors = errors;
		}

	}

	@GetMapping
	@Operation(summary = "The rates of one month (yyyy-MM): units of each currency per US dollar")
	List<ExchangeRate> ofMonth(@RequestParam String month) {
		return rates.ofMonth(month(month, "month"));
	}

	@PutMapping("/{month}/{currency}")
	@Operation(summary = "Enter or correct one currency's rate for a month")
	ExchangeRate enter(@PathVariable String month, @PathVariable String currency, @RequestBody RateValue value,
			Principal user) {
		YearMonth rateMonth = month(month, "month");
		List<InvalidField> errors = rates.check(currency, value.unitsPerUsd());
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		rates.enter(List.of(new ExchangeRate(currency, rateMonth, value.unitsPerUsd(), null, null)), user.getName());
		return rates.ofMonth(rateMonth).stream().filter(rate -> rate.currency().equals(currency)).findFirst().orElseThrow();
	}

	/** {@code currency,month,unitsPerUsd}; every line is checked first, and one bad line imports nothing. */
	@PostMapping(path = "/imports", consumes = "text/csv")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import rates as CSV (currency,month,unitsPerUsd): all lines or none")
	ImportReport importCsv(InputStream body, Principal user) throws IOException {
		List<ExchangeRate> parsed = new ArrayList<>();
		List<LineError> errors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(body).get(),
				StandardCharsets.UTF_8);
				CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(reader)) {
			if (!csv.getHeaderNames().containsAll(List.of("currency", "month", "unitsPerUsd"))) {
				throw new ImportRejected("The header must be: currency,month,unitsPerUsd",
						List.of(new LineError(1, "header", "must be currency,month,unitsPerUsd")));
			}
			for (CSVRecord record : csv) {
				long line = record.getRecordNumber() + 1;
				String currency = record.get("currency");
				YearMonth month = null;
				BigDecimal value = null;
				try {
					month = YearMonth.parse(record.get("month"));
				}
				catch (DateTimeParseException e) {
					errors.add(new LineError(line, "month", "'" + record.get("month") + "' is not a month such as 2026-11"));
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
		if (!errors.isEmpty()) {
			throw new ImportRejected("Some lines are wrong; nothing was imported.", errors);
		}
		if (parsed.isEmpty()) {
			throw new ImportRejected("The file has no rates below the header.", List.of(new LineError(2, "file", "no rows")));
		}
		rates.enter(parsed, user.getName());
		return new ImportReport(parsed.size());
	}

	@ExceptionHandler(ImportRejected.class)
	ProblemDetail rejected(ImportRejected e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid import file");
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("errors", e.errors);
		problem.setProperties(properties);
		return problem;
	}

	private static YearMonth month(String value, String field) {
		try {
			return YearMonth.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "'" + value + "' is not a month such as 2026-11");
		}
	}

}
