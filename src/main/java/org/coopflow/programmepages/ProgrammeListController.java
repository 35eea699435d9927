package org.coopflow.programmepages;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;

import org.coopflow.shared.PageView;
import org.coopflow.programmes.ProgrammeFilter;
import org.coopflow.programmes.ProgrammeService;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.Amounts;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Office;
import org.coopflow.reference.Standard;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.security.CoopflowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portfolio as officers search it. An officer's list opens on their own office's programmes and
 * can be switched to both offices; the filters travel in a plain GET form, so a list can be bookmarked.
 * Every parameter is read here, so that a wrong one is named on the page rather than lost in an error.
 */
@Controller
class ProgrammeListController {

	static final int PAGE_SIZE = 20;

	/** The office filter's value for both offices; without an office an officer sees their own. */
	static final String EITHER_OFFICE = "ALL";

	/** The gap filter's value for programmes that still need funds. */
	static final String WITH_GAP = "OPEN";

	private final ProgrammeService programmes;

	private final StandardsCatalogue standards;

	ProgrammeListController(ProgrammeService programmes, StandardsCatalogue standards) {
		this.programmes = programmes;
		this.standards = standards;
	}

	/** One programme as its row in the list shows it, every code in words. */
	record Row(long id, String title, String office, String status, String countries, String standards,
			String budget) {
	}

	/** The filters as the form shows them again: what was asked for, or the default. */
	record Filters(String office, String status, String country, String standard, String text, String gap,
			String minGap) {
	}

	@GetMapping("/programmes")
	String list(@AuthenticationPrincipal CoopflowUser user, @RequestParam(required = false) String office,
			@RequestParam(required = false) String status, @RequestParam(required = false) String country,
			@RequestParam(required = false) String standard, @RequestParam(required = false) String text,
			@RequestParam(required = false) String gap, @RequestParam(required = false) String minGap,
			@RequestParam(required = false) String page, Model model) {
		OfficerPages.require(user);
		Office chosenOffice = office(user, office);
		ProgrammeStatus chosenStatus = status(status);
		String chosenCountry = country(country);
		String chosenStandard = standard(standard);
		BigDecimal gapAtLeast = gap(gap, minGap);
		int pageNumber = page(page);
		ProgrammeFilter filter = new ProgrammeFilter(chosenOffice, chosenCountry, chosenStandard,
				chosenStatus == null ? null : EnumSet.of(chosenStatus), blankToNull(text), gapAtLeast);
		PageView<ProgrammeView> found = programmes.page(user, filter, pageNumber, PAGE_SIZE);
		Map<String, String> titles = standardTitles();
		model.addAttribute("rows", found.content().stream().map(p -> row(p, titles)).toList());
		model.addAttribute("total", found.page().totalElements());
		model.addAttribute("page", pageNumber);
		model.addAttribute("hasNext", (long) (pageNumber + 1) * PAGE_SIZE < found.page().totalElements());
		model.addAttribute("filters", new Filters(chosenOffice == null ? EITHER_OFFICE : chosenOffice.name(),
				chosenStatus == null ? "" : chosenStatus.name(), chosenCountry == null ? "" : chosenCountry,
				chosenStandard == null ? "" : chosenStandard, text == null ? "" : text.trim(),
				gapAtLeast == null ? "" : WITH_GAP,
				gapAtLeast == null || gapAtLeast.signum() == 0 ? "" : gapAtLeast.toPlainString()));
		model.addAttribute("ownOffice", user.getOffice());
		model.addAttribute("offices", Office.values());
		model.addAttribute("statuses", ProgrammeStatus.values());
		model.addAttribute("countries", CountryNames.all());
		model.addAttribute("standards", standards.all());
		model.addAttribute("createsProgrammes", OfficerPages.createsProgrammes(user));
		return "programmes/list";
	}

	/** Without a choice, an officer's or coordinator's own office; {@value #EITHER_OFFICE} for both. */
	private static Office office(CoopflowUser user, String office) {
		String value = blankToNull(office);
		if (value == null) {
			return user.getOffice();
		}
		if (value.equals(EITHER_OFFICE)) {
			return null;
		}
		try {
			return Office.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			throw new BadPageParameter("office", "'" + office + "' is not an office; choose CPCJD, OHCHR or both ("
					+ EITHER_OFFICE + ")");
		}
	}

	private static ProgrammeStatus status(String status) {
		String value = blankToNull(status);
		if (value == null) {
			return null;
		}
		try {
			return ProgrammeStatus.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			throw new BadPageParameter("status", "'" + status + "' is not a programme status; choose one of "
					+ Arrays.stream(ProgrammeStatus.values()).map(ProgrammeStatus::label).collect(Collectors.joining(", ")));
		}
	}

	private static String country(String country) {
		String value = blankToNull(country);
		if (value != null && !CountryNames.all().containsKey(value)) {
			throw new BadPageParameter("country", "'" + country + "' is not a country code such as KE (Kenya)");
		}
		return value;
	}

	private String standard(String standard) {
		String value = blankToNull(standard);
		if (value != null && standards.find(value).isEmpty()) {
			throw new BadPageParameter("standard", "'" + standard + "' is not in the standards catalogue");
		}
		return value;
	}

	/** @return the least gap asked for (zero: any gap), or null for programmes with or without one */
	private static BigDecimal gap(String gap, String minGap) {
		String value = blankToNull(gap);
		if (value != null && !value.equals(WITH_GAP)) {
			throw new BadPageParameter("gap", "'" + gap + "' is not a choice; leave it out, or ask for "
					+ WITH_GAP + " (programmes with a funding gap)");
		}
		String least = blankToNull(minGap);
		if (least == null) {
			return value == null ? null : BigDecimal.ZERO;
		}
		try {
			BigDecimal amount = new BigDecimal(least.replace(",", ""));
			if (amount.signum() < 0) {
				throw new BadPageParameter("minGap", "must not be below zero");
			}
			return amount;
		}
		catch (NumberFormatException e) {
			throw new BadPageParameter("minGap", "'" + minGap + "' is not an amount such as 50000");
		}
	}

	private static int page(String page) {
		String value = blankToNull(page);
		if (value == null) {
			return 0;
		}
		try {
			int number = Integer.parseInt(value);
			if (number < 0) {
				throw new BadPageParameter("page", "must be 0 or more (the first page is 0), not " + number);
			}
			return number;
		}
		catch (NumberFormatException e) {
			throw new BadPageParameter("page", "'" + page + "' is not a page number such as 0, 1 or 2");
		}
	}

	private Map<String, String> standardTitles() {
		return standards.all().stream().collect(Collectors.toMap(Standard::code, Standard::title));
	}

	private static Row row(ProgrammeView p, Map<String, String> titles) {
		return new Row(p.id(), p.title(), p.office().label(), p.status().label(),
				p.countries().isEmpty() ? p.scope().label()
						: p.countries().stream().map(CountryNames::name).collect(Collectors.joining(", ")),
				p.standards().stream().map(code -> titles.getOrDefault(code, code)).collect(Collectors.joining("; ")),
				Amounts.format(p.budget()));
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
