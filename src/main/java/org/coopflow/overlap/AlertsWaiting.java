package org.coopflow.overlap;

import java.util.List;
import java.util.Optional;

import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.coopflow.security.WaitingWork;
import org.springframework.stereotype.Component;

/** A coordinator's home page lists the open alerts on their office's programmes, most severe first. */
@Component
class AlertsWaiting implements WaitingWork {

	private static final int SHOWN = 10;

	private final OverlapAlerts alerts;

	AlertsWaiting(OverlapAlerts alerts) {
		this.alerts = alerts;
	}

	@Override
	public Optional<Section> of(CoopflowUser user) {
		if (user.getRole() != Role.COORDINATOR) {
			return Optional.empty();
		}
		OverlapAlerts.Page open = alerts.search(user,
				new AlertFilter(AlertStatus.OPEN, null, user.getOffice().name(), null, null), 0, SHOWN);
		List<Item> items = open.content()
			.stream()
			.map(alert -> new Item(alert.first().title() + " (" + alert.first().office() + ") × "
					+ alert.second().title() + " (" + alert.second().office() + ")", "/overlap-alerts/" + alert.id(),
					severity(alert.severity()) + " overlap", false))
			.toList();
		long total = open.totalElements();
		String heading = total == 0 ? "Open overlap alerts" : "Open overlap alerts: " + total;
		return Optional.of(new Section("alerts", 20, heading, "No overlap alert on your office's programmes is open.",
				items, "All open alerts", "/overlap-alerts?office=" + user.getOffice().name()));
	}

	private static String severity(String code) {
		return code == null ? "Possible" : code.charAt(0) + code.substring(1).toLowerCase();
	}

}
