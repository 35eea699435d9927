package org.coopflow.donors;

import org.coopflow.reporting.PledgeReports;
import org.coopflow.security.CoopflowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What one of the donor's pledges did: its money from pledged to spent, the activities of the programme it
 * funded and the reports shared with donors. Another Member State's pledge is a 404, as a missing one.
 */
@Controller
class PledgeReportPageController {

	private final PledgeReports reports;

	PledgeReportPageController(PledgeReports reports) {
		this.reports = reports;
	}

	@GetMapping("/donor/pledges/{id}/report")
	String report(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id, Model model) {
		model.addAttribute("report", reports.of(user, id));
		return "donor/pledge-report";
	}

}
