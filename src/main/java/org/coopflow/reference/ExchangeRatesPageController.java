package org.coopflow.reference;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.coopflow.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The rates page: a month's UN operational rates of exchange, which currencies still lack the month's rate
 * (pledges in them are rated provisionally until it is entered), and for programme officers and
 * administrators the month's list imported as CSV or one rate entered or corrected, as
 * {@code /api/exchange-rates} does. Coordinators read it; who may write is decided in the security module's
 * URL rules.
 */
@Controller
@RequestMapping("/exchange-rates")
class ExchangeRatesPageController {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/** Thousands grouped with commas, as the page shows rates: 10,480.25. */
	private static final String GROUPED = "\\d{1,3}(,\\d{3})+(\\.\\d+)?";

	static final Map<String, String> LABELS = Map.of("currency", "Currency", "month", "Month", "unitsPerUsd",
			"Units per US dollar");

	private final ExchangeRates rates;

	private final ImportRates importRates;

	private final Currencies currencies;

	private final Clock clock;

	ExchangeRatesPageController(ExchangeRates rates, ImportRates importRates, Currencies currencies, Clock clock) {
		this.rates = rates;
		this.importRates = importRates;
		this.currencies = currencies;
		this.clock = clock;
	}

	/** One rate as the page lists it. */
	record Row(String currency, String name, String rate, String enteredOn) {
	}

	/** A currency that had a rate the month before and has none yet in this one. */
	record Missing(String currency, String name) {
	}

	/** The one-rate form as sent, to show it again with its errors. */
	record Form(String currency, String month, String unitsPerUsd) {
	}

	@GetMapping
	String page(@RequestParam(required = false) String month, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		YearMonth shown = thisMonth();
		if (month != null && !month.isBlank()) {
			try {
				shown = ExchangeRates.month(month, "month");
			}
			catch (InvalidInputException e) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("monthError", e.errors().get(0).reason() + "; this month is shown instead.");
			}
		}
		return show(shown, new Form("", shown.toString(), ""), Map.of(), model, request);
	}

	@PostMapping
	String enter(@RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String month,
			@RequestParam(defaultValue = "") String unitsPerUsd, Principal user, HttpServletRequest request,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Form form = new Form(currency.strip(), month.strip(), unitsPerUsd.strip());
		Map<String, String> errors = new LinkedHashMap<>();
		YearMonth rateMonth = null;
		BigDecimal value = null;
		try {
			rateMonth = ExchangeRates.month(form.month(), "month");
		}
		catch (InvalidInputException e) {
			errors.put("month", e.errors().get(0).reason());
		}
		if (form.unitsPerUsd().isEmpty()) {
			errors.put("unitsPerUsd", "is required: how many units of the currency one US dollar bought");
		}
		else if (form.unitsPerUsd().contains(",") && !form.unitsPerUsd().matches(GROUPED)) {
			// "10,52" is a decimal comma to many in Geneva and Vienna: never read it as 1052
			errors.put("unitsPerUsd", "'" + form.unitsPerUsd() + "': write the decimals after a point, e.g. 10.52");
		}
		else {
			try {
				value = new BigDecimal(form.unitsPerUsd().replace(",", ""));
			}
			catch (NumberFormatException e) {
				errors.put("unitsPerUsd", "'" + form.unitsPerUsd() + "' is not a number such as 10.52");
			}
		}
		// every mistake at once: the currency and the rate's own checks whatever the month
		rates.check(form.currency(), value == null ? BigDecimal.ONE : value)
			.forEach(error -> errors.putIfAbsent(error.field(), error.reason()));
		if (errors.isEmpty()) {
			// checked above, with the month and the number, so that every mistake is named at once
			rates.enter(List.of(new ExchangeRate(form.currency(), rateMonth, value, null, null)), user.getName());
			redirect.addFlashAttribute("done", "Entered for " + MONTH.format(rateMonth) + ": 1 USD = " + rate(value) + " "
					+ form.currency() + ". Pledges rated provisionally in that month are re-rated at it.");
			return "redirect:" + monthLink(rateMonth) + "#rate-" + form.currency();
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return show(rateMonth == null ? thisMonth() : rateMonth, form, errors, model,
				request);
	}

	@PostMapping("/imports")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Principal user,
			HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect)
			throws IOException {
		YearMonth now = thisMonth();
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("fileError", "Choose a CSV file to import.");
			return show(now, new Form("", now.toString(), ""), Map.of(), model, request);
		}
		try (InputStream csv = file.getInputStream()) {
			ImportRates.Report report = importRates.importCsv(csv, user.getName());
			String months = report.months().stream().map(MONTH::format).collect(Collectors.joining(", "));
			redirect.addFlashAttribute("done", (report.entered() == 1 ? "1 rate" : report.entered() + " rates")
					+ " imported from " + file.getOriginalFilename() + ", for " + months
					+ ". Pledges rated provisionally in those months are re-rated.");
			return "redirect:" + monthLink(report.months().last());
		}
		catch (ImportRates.Rejected e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("fileName", file.getOriginalFilename());
			model.addAttribute("rejected", e);
			return show(now, new Form("", now.toString(), ""), Map.of(), model, request);
		}
	}

	private String show(YearMonth month, Form form, Map<String, String> errors, Model model, HttpServletRequest request) {
		List<ExchangeRate> ofMonth = rates.ofMonth(month);
		Set<String> entered = ofMonth.stream().map(ExchangeRate::currency).collect(Collectors.toSet());
		model.addAttribute("month", month);
		model.addAttribute("monthInWords", MONTH.format(month));
		model.addAttribute("previous", monthLink(month.minusMonths(1)));
		model.addAttribute("previousInWords", MONTH.format(month.minusMonths(1)));
		model.addAttribute("next", monthLink(month.plusMonths(1)));
		model.addAttribute("nextInWords", MONTH.format(month.plusMonths(1)));
		model.addAttribute("rows", ofMonth.stream()
			.map(rate -> new Row(rate.currency(), name(rate.currency()), rate(rate.unitsPerUsd()), DAY.format(rate.enteredAt())))
			.toList());
		// who entered the month's rates, once per person (the page names them; a month is mostly one import)
		model.addAttribute("enteredBy", ofMonth.stream()
			.collect(Collectors.groupingBy(ExchangeRate::enteredBy, java.util.TreeMap::new, Collectors.counting())));
		model.addAttribute("missing", rates.ofMonth(month.minusMonths(1))
			.stream()
			.map(ExchangeRate::currency)
			.filter(currency -> !entered.contains(currency))
			.map(currency -> new Missing(currency, name(currency)))
			.toList());
		model.addAttribute("currencies", rates.codes()
			.currencyMinorUnits()
			.keySet()
			.stream()
			// what money is pledged in: not USD (always 1), gold, SDRs or testing codes
			.filter(code -> !Currencies.USD.equals(code) && currencies.isMoney(code))
			.sorted()
			.collect(Collectors.toMap(code -> code, code -> code + " · " + name(code), (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("mayEnter", request.isUserInRole("PROGRAMME_OFFICER") || request.isUserInRole("ADMIN"));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("labels", LABELS);
		return "exchange-rates";
	}

	private YearMonth thisMonth() {
		return YearMonth.now(clock.withZone(ZoneOffset.UTC));
	}

	private static String monthLink(YearMonth month) {
		return UriComponentsBuilder.fromPath("/exchange-rates").queryParam("month", month).build().toUriString();
	}

	/** A rate as pages show it: "1 USD = 10.52 NOK", the number without trailing zeros. */
	static String rate(BigDecimal unitsPerUsd) {
		BigDecimal plain = unitsPerUsd.stripTrailingZeros();
		return Amounts.number(plain, Math.max(plain.scale(), 0));
	}

	private static String name(String currency) {
		try {
			return Currency.getInstance(currency).getDisplayName(Locale.ENGLISH);
		}
		catch (IllegalArgumentException e) {
			return currency;
		}
	}

}
