package org.coopflow.reporting;

import org.coopflow.reference.Office;
import org.coopflow.security.CoopflowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portfolio page for officers, coordinators and administrators, of both offices or one. */
@Controller
class PortfolioPageController {

	private static final int ROWS = 50;

	private final PortfolioReport portfolio;

	PortfolioPageController(PortfolioReport portfolio) {
		this.portfolio = portfolio;
	}

	@GetMapping("/portfolio")
	String show(@AuthenticationPrincipal CoopflowUser user, @RequestParam(required = false) Office office,
			Model model) {
		model.addAttribute("portfolio", portfolio.of(user, office, ROWS));
		model.addAttribute("offices", Office.values());
		return "reporting/portfolio";
	}

}
