package org.coopflow.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.coopflow.reference.Office;
import org.coopflow.security.CoopflowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reports as JSON: a pledge's, for its donor and staff, and the portfolio, for staff. */
@RestController
@Tag(name = "Reporting")
class ReportingController {

	private final PledgeReports pledgeReports;

	private final PortfolioReport portfolio;

	ReportingController(PledgeReports pledgeReports, PortfolioReport portfolio) {
		this.pledgeReports = pledgeReports;
		this.portfolio = portfolio;
	}

	@GetMapping("/api/pledges/{id}/report")
	@Operation(summary = "What the pledge did: pledged, received, allocated and spent in its currency and USD, "
			+ "with the activities, donor reports and indicators (target against actual) of the programme it funded")
	PledgeReport pledgeReport(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		return pledgeReports.of(user, id);
	}

	@GetMapping("/api/portfolio")
	@Operation(summary = "Programmes by status, standard and country, with funding gaps, overdue reports and indicators off track (staff only)")
	Portfolio portfolio(@AuthenticationPrincipal CoopflowUser user, @RequestParam(required = false) Office office,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return portfolio.of(user, office, limit);
	}

}
