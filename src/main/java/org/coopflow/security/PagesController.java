package org.coopflow.security;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page and each person's home page: what waits for them (their tasks, their office's open
 * alerts, their instalments due), and the places their role may go.
 */
@Controller
class PagesController {

	private final List<WaitingWork> waiting;

	PagesController(List<WaitingWork> waiting) {
		this.waiting = waiting;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CoopflowUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("waiting", waiting.stream()
			.map(work -> work.of(user))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparingInt(WaitingWork.Section::order))
			.toList());
		model.addAttribute("worksInCamunda", user.getRole() != Role.DONOR);
		model.addAttribute("isAdmin", user.getRole() == Role.ADMIN);
		model.addAttribute("isDonor", user.getRole() == Role.DONOR);
		model.addAttribute("seesOverlapAlerts", user.getRole() != Role.DONOR);
		return "home";
	}

}
