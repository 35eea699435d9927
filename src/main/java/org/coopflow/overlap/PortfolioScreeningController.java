package org.coopflow.overlap;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.security.CoopflowUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/overlap-screenings")
@Tag(name = "Overlap alerts")
class PortfolioScreeningController {

	private final PortfolioScreenings screenings;

	PortfolioScreeningController(PortfolioScreenings screenings) {
		this.screenings = screenings;
	}

	@PostMapping
	@Operation(summary = "Screen the whole portfolio in the background (202); poll the Location for progress")
	ResponseEntity<ScreeningJob> request(@AuthenticationPrincipal CoopflowUser user) {
		ScreeningJob job = screenings.request(user);
		return ResponseEntity.accepted().location(URI.create("/api/overlap-screenings/" + job.id())).body(job);
	}

	@GetMapping("/{id}")
	ScreeningJob get(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		return screenings.get(user, id);
	}

}
