package org.coopflow.donors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.coopflow.pledges.EarmarkTotals;
import org.coopflow.programmes.FundingOpportunities;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.security.CoopflowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Member State's pledges by standard and by year, drawn on the server as SVG so that the page needs
 * no script and nothing from elsewhere, with the same figures as a table.
 */
@Controller
class PledgeChartController {

	private final EarmarkTotals totals;

	private final FundingOpportunities programmes;

	private final StandardsCatalogue standards;

	PledgeChartController(EarmarkTotals totals, FundingOpportunities programmes, StandardsCatalogue standards) {
		this.totals = totals;
		this.programmes = programmes;
		this.standards = standards;
	}

	@GetMapping("/donor/chart")
	String chart(@AuthenticationPrincipal CoopflowUser user, Model model) {
		List<EarmarkTotals.Line> lines = totals.ofMemberState(user);
		Map<String, String> titles = new LinkedHashMap<>();
		standards.all().forEach(standard -> titles.put(standard.code(), standard.title()));
		Map<Long, List<String>> programmeStandards = programmes.standardsPromotedBy(
				lines.stream().map(EarmarkTotals.Line::programmeId).filter(Objects::nonNull).distinct().toList());
		model.addAttribute("chart", PledgeChart.of(lines, programmeStandards, titles));
		model.addAttribute("memberState", CountryNames.name(user.getMemberState()));
		return "donor/chart";
	}

}
