package org.coopflow.overlap;

import java.util.Optional;

import org.coopflow.reference.StandardUses;
import org.springframework.stereotype.Component;

/** The overlap alerts whose pair shares a standard. */
@Component
class AlertStandardUses implements StandardUses {

	private final AlertRepository alerts;

	AlertStandardUses(AlertRepository alerts) {
		this.alerts = alerts;
	}

	@Override
	public Optional<String> of(String code) {
		long named = alerts.count(new AlertRepository.Filter(null, null, null, null, code, null));
		return StandardUses.counted(named, "overlap alert", "overlap alerts");
	}

}
