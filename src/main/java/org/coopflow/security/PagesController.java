package org.coopflow.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page and the start page, which offers each role the places it may go.
 */
@Controller
class PagesController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CoopflowUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("worksInCamunda", user.getRole() != Role.DONOR);
		model.addAttribute("isAdmin", user.getRole() == Role.ADMIN);
		model.addAttribute("isDonor", user.getRole() == Role.DONOR);
		model.addAttribute("seesOverlapAlerts", user.getRole() != Role.DONOR);
		return "home";
	}

}
