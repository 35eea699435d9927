package org.coopflow.overlap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.shared.PageView;
import org.coopflow.security.CoopflowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/overlap-alerts")
@Tag(name = "Overlap alerts")
class OverlapAlertController {

	private final OverlapAlerts alerts;

	OverlapAlertController(OverlapAlerts alerts) {
		this.alerts = alerts;
	}

	@GetMapping
	@Operation(summary = "Alerts, strongest first: coordinators and admins see all, officers those on their office's programmes")
	PageView<OverlapAlertView> search(@AuthenticationPrincipal CoopflowUser user,
			@RequestParam(required = false) AlertStatus status, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String office, @RequestParam(required = false) String country,
			@RequestParam(required = false) String standard, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		OverlapAlerts.Page found = alerts.search(user, new AlertFilter(status, severity, office, country, standard),
				page, size);
		return PageView.of(found.content(), page, size, found.totalElements());
	}

	@GetMapping("/{id}")
	OverlapAlertView get(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		return alerts.get(user, id);
	}

}
