package org.coopflow.reference;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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

	private final ImportRates importRates;

	ExchangeRateController(ExchangeRates rates, ImportRates importRates) {
		this.rates = rates;
		this.importRates = importRates;
	}

	record RateValue(BigDecimal unitsPerUsd) {
	}

	record ImportReport(int entered) {
	}

	@GetMapping
	@Operation(summary = "The rates of one month (yyyy-MM): units of each currency per US dollar")
	List<ExchangeRate> ofMonth(@RequestParam String month) {
		return rates.ofMonth(ExchangeRates.month(month, "month"));
	}

	@PutMapping("/{month}/{currency}")
	@Operation(summary = "Enter or correct one currency's rate for a month")
	ExchangeRate enter(@PathVariable String month, @PathVariable String currency, @RequestBody RateValue value,
			Principal user) {
		return rates.enterOne(currency, ExchangeRates.month(month, "month"), value.unitsPerUsd(), user.getName());
	}

	/** {@code currency,month,unitsPerUsd}; every line is checked first, and one bad line imports nothing. */
	@PostMapping(path = "/imports", consumes = "text/csv")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import rates as CSV (currency,month,unitsPerUsd): all lines or none")
	ImportReport importCsv(InputStream body, Principal user) throws IOException {
		return new ImportReport(importRates.importCsv(body, user.getName()).entered());
	}

	@ExceptionHandler(ImportRates.Rejected.class)
	ProblemDetail rejected(ImportRates.Rejected e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid import file");
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("errors", e.errors());
		problem.setProperties(properties);
		return problem;
	}


}
