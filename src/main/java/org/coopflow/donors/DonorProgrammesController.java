package org.coopflow.donors;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.coopflow.programmes.FundingOpportunities;
import org.coopflow.programmes.FundingStatus;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.security.CoopflowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The programmes open for funding, with how far each is funded, filtered by standard and country
 * through a plain GET form so that a filtered list can be bookmarked and shared.
 */
@Controller
class DonorProgrammesController {

	static final int PAGE_SIZE = 20;

	private final FundingOpportunities opportunities;

	private final StandardsCatalogue standards;

	DonorProgrammesController(FundingOpportunities opportunities, StandardsCatalogue standards) {
		this.opportunities = opportunities;
		this.standards = standards;
	}

	/** One programme as its card shows it; {@code countries} are names, or the scope when there are none. */
	record ProgrammeCard(ProgrammeView programme, FundingStatus funding, int percentCommitted, String countries) {

		static ProgrammeCard of(FundingOpportunities.Opportunity opportunity) {
			ProgrammeView programme = opportunity.programme();
			String countries = programme.countries().isEmpty() ? programme.scope().name().toLowerCase(Locale.ROOT)
					: String.join(", ", programme.countries().stream().map(CountryNames::name).toList());
			return new ProgrammeCard(programme, opportunity.funding(), DonorProgrammesController.percentCommitted(opportunity.funding()), countries);
		}

	}

	/** Committed money over the budget, as a whole percentage a progress bar and its text both show. */
	static int percentCommitted(FundingStatus funding) {
		if (funding.budget().signum() <= 0) {
			return 0;
		}
		return funding.committed()
			.multiply(BigDecimal.valueOf(100))
			.divide(funding.budget(), 0, RoundingMode.DOWN)
			.min(BigDecimal.valueOf(100))
			.intValue();
	}

	@GetMapping("/donor/programmes")
	String programmes(@AuthenticationPrincipal CoopflowUser user,
			@RequestParam(required = false) String standard, @RequestParam(required = false) String country,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String standardFilter = blankToNull(standard);
		String countryFilter = blankToNull(country);
		int pageNumber = Math.max(page, 0);
		FundingOpportunities.Found found = opportunities.search(user, standardFilter, countryFilter, pageNumber,
				PAGE_SIZE);
		model.addAttribute("cards", found.content().stream().map(ProgrammeCard::of).toList());
		model.addAttribute("total", found.totalElements());
		model.addAttribute("standard", standardFilter);
		model.addAttribute("country", countryFilter);
		model.addAttribute("page", pageNumber);
		model.addAttribute("hasNext", (long) (pageNumber + 1) * PAGE_SIZE < found.totalElements());
		model.addAttribute("standards", standards.all());
		model.addAttribute("countries", CountryNames.all());
		return "donor/programmes";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
