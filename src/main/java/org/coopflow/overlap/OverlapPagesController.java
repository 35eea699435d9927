package org.coopflow.overlap;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.coopflow.web.BarChart;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.programmes.ActivityType;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Standard;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.security.CoopflowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinators' pages on overlap alerts: the list with its filters, the side-by-side comparison of an
 * alert's two programmes, and a chart of alerts by country and standard. Officers see the alerts on their
 * own office's programmes. The pages only read: the coordinators decide in Tasklist. Filters travel in a
 * plain GET form, so that a filtered list can be bookmarked and shared.
 */
@Controller
class OverlapPagesController {

	static final int PAGE_SIZE = 20;

	/** The status filter's value for alerts in any status; without a status the list shows the open ones. */
	static final String ANY_STATUS = "ANY";

	private final OverlapAlerts alerts;

	private final StandardsCatalogue standards;

	private final AlertTaskLinks taskLinks;

	OverlapPagesController(OverlapAlerts alerts, StandardsCatalogue standards, AlertTaskLinks taskLinks) {
		this.alerts = alerts;
		this.standards = standards;
		this.taskLinks = taskLinks;
	}

	/** One alert as its row in the list shows it. */
	record Row(OverlapAlertView alert, String severity, String status, List<String> topSignals) {
	}

	/** A country or standard of one programme, and whether the other programme has it too. */
	record Item(String label, boolean shared) {
	}

	record Side(OverlapAlertView.ProgrammeSide programme, List<Item> countries, List<Item> standards) {
	}

	record SignalRow(String name, String detail, BigDecimal contribution) {
	}

	/** One line of the chart's table: a country or standard and how many alerts share it. */
	record Count(String code, String name, long alerts) {
	}

	@GetMapping("/overlap-alerts")
	String list(@AuthenticationPrincipal CoopflowUser user, @RequestParam(required = false) String status,
			@RequestParam(required = false) String severity, @RequestParam(required = false) String office,
			@RequestParam(required = false) String country, @RequestParam(required = false) String standard,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AlertFilter filter = filter(status, severity, office, country, standard);
		int pageNumber = Math.max(page, 0);
		OverlapAlerts.Page found = alerts.search(user, filter, pageNumber, PAGE_SIZE);
		model.addAttribute("rows", found.content().stream().map(OverlapPagesController::row).toList());
		model.addAttribute("total", found.totalElements());
		model.addAttribute("page", pageNumber);
		model.addAttribute("hasNext", (long) (pageNumber + 1) * PAGE_SIZE < found.totalElements());
		filterForm(filter, model);
		return "overlap/list";
	}

	@GetMapping("/overlap-alerts/{id}")
	String alert(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id, Model model) {
		OverlapAlertView alert = alerts.get(user, id);
		Map<String, String> titles = standardTitles();
		model.addAttribute("alert", alert);
		model.addAttribute("severity", severity(alert.severity()));
		model.addAttribute("status", status(alert.status()));
		model.addAttribute("sides", List.of(side(alert.first(), alert, titles), side(alert.second(), alert, titles)));
		model.addAttribute("signals", alert.signals()
			.stream()
			.sorted(Comparator.comparing(OverlapAlertView.Signal::contribution).reversed())
			.map(signal -> new SignalRow(signalName(signal.name()), detailInWords(signal.detail(), titles),
					signal.contribution()))
			.toList());
		model.addAttribute("decision", alert.decision() == null ? null : decision(alert.decision()));
		boolean reviews = OverlapAlerts.isCoordinatorOrAdmin(user) && alert.status() == AlertStatus.OPEN;
		model.addAttribute("reviewsInTasklist", reviews);
		model.addAttribute("reviewLink", reviews ? taskLinks.reviewLink(user, id) : null);
		return "overlap/alert";
	}

	@GetMapping("/overlap-alerts/chart")
	String chart(@AuthenticationPrincipal CoopflowUser user, @RequestParam(required = false) String status,
			@RequestParam(required = false) String severity, @RequestParam(required = false) String office,
			@RequestParam(required = false) String country, @RequestParam(required = false) String standard,
			Model model) {
		AlertFilter filter = filter(status, severity, office, country, standard);
		OverlapAlerts.Tally tally = alerts.tally(user, filter);
		Map<String, String> titles = standardTitles();
		List<Count> byCountry = counts(tally.byCountry(), CountryNames::name);
		List<Count> byStandard = counts(tally.byStandard(), code -> titles.getOrDefault(code, code));
		model.addAttribute("alerts", tally.alerts());
		model.addAttribute("byCountry", byCountry);
		model.addAttribute("byStandard", byStandard);
		model.addAttribute("countryChart", chart(byCountry));
		model.addAttribute("standardChart", chart(byStandard));
		filterForm(filter, model);
		return "overlap/chart";
	}

	/** The page's filters; a blank field is no filter, and a status left out means the open alerts. */
	static AlertFilter filter(String status, String severity, String office, String country, String standard) {
		return new AlertFilter(status(status), blankToNull(severity), blankToNull(office), blankToNull(country),
				blankToNull(standard));
	}

	private static AlertStatus status(String status) {
		String value = blankToNull(status);
		if (value == null) {
			return AlertStatus.OPEN;
		}
		if (value.equals(ANY_STATUS)) {
			return null;
		}
		try {
			return AlertStatus.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("status", "must be one of the choices");
		}
	}

	private void filterForm(AlertFilter filter, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("statusValue", filter.status() == null ? ANY_STATUS : filter.status().name());
		model.addAttribute("statuses", Arrays.stream(AlertStatus.values())
			.collect(Collectors.toMap(AlertStatus::name, OverlapPagesController::status, (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("standards", standards.all());
		model.addAttribute("countries", CountryNames.all());
	}

	private Map<String, String> standardTitles() {
		return standards.all()
			.stream()
			.collect(Collectors.toMap(Standard::code, Standard::title, (a, b) -> a, LinkedHashMap::new));
	}

	private static Row row(OverlapAlertView alert) {
		return new Row(alert, severity(alert.severity()), status(alert.status()), alert.signals()
			.stream()
			.sorted(Comparator.comparing(OverlapAlertView.Signal::contribution).reversed())
			.limit(3)
			.map(signal -> signalName(signal.name()))
			.toList());
	}

	private static Side side(OverlapAlertView.ProgrammeSide programme, OverlapAlertView alert,
			Map<String, String> titles) {
		return new Side(programme,
				programme.countries()
					.stream()
					.map(code -> new Item(CountryNames.name(code), alert.sharedCountries().contains(code)))
					.toList(),
				programme.standards()
					.stream()
					.map(code -> new Item(titles.getOrDefault(code, code),
							alert.sharedStandards().contains(code)))
					.toList());
	}

	/** Most alerts first, then by name. */
	private static List<Count> counts(Map<String, Long> byCode, Function<String, String> name) {
		return byCode.entrySet()
			.stream()
			.map(entry -> new Count(entry.getKey(), name.apply(entry.getKey()), entry.getValue()))
			.sorted(Comparator.comparing(Count::alerts).reversed().thenComparing(Count::name))
			.toList();
	}

	private static BarChart chart(List<Count> counts) {
		Map<String, BigDecimal> amounts = new LinkedHashMap<>();
		Map<String, String> descriptions = new LinkedHashMap<>();
		Map<String, String> labels = new LinkedHashMap<>();
		counts.forEach(count -> {
			amounts.put(count.code(), BigDecimal.valueOf(count.alerts()));
			descriptions.put(count.code(), count.name() + ", alerts");
			labels.put(count.code(), BarChart.shortLabel(count.name()));
		});
		return BarChart.of(amounts, descriptions, labels);
	}

	static String severity(String severity) {
		return switch (severity) {
			case "HIGH" -> "High";
			case "MEDIUM" -> "Medium";
			case "LOW" -> "Low";
			default -> severity;
		};
	}

	static String status(AlertStatus status) {
		return switch (status) {
			case OPEN -> "Open";
			case CONFIRMED_OVERLAP -> "Confirmed overlap";
			case COMPLEMENTARY -> "Complementary";
			case NOT_OVERLAP -> "Not an overlap";
			case SUPERSEDED -> "Superseded";
		};
	}

	static String decision(CoordinatorDecision decision) {
		return switch (decision) {
			case OVERLAP_COORDINATE -> "Confirmed overlap: coordinate the programmes";
			case OVERLAP_MERGE -> "Confirmed overlap: merge the programmes";
			case COMPLEMENTARY -> "Complementary: the programmes are linked";
			case NOT_OVERLAP -> "Not an overlap";
		};
	}

	/** A signal's name as words: {@code shared-standards} and {@code sharedStandards} are "Shared standards". */
	private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)+\\b|\\b[A-Z]{4,}\\b");

	/**
	 * A signal's detail as screening wrote it names standards and activity types by code ("shared
	 * standards: SMR-PRISONERS"); the page names them.
	 */
	static String detailInWords(String detail, Map<String, String> standardTitles) {
		if (detail == null) {
			return null;
		}
		return CODE.matcher(detail).replaceAll(match -> {
			String code = match.group();
			String words = standardTitles.get(code);
			if (words == null) {
				try {
					words = ActivityType.valueOf(code).label();
				}
				catch (IllegalArgumentException e) {
					words = code;
				}
			}
			return java.util.regex.Matcher.quoteReplacement(words);
		});
	}

	static String signalName(String name) {
		String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").replace('-', ' ').toLowerCase(Locale.ROOT);
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
