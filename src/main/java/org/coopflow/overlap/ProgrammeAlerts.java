package org.coopflow.overlap;

import java.util.List;

import org.coopflow.security.CoopflowUser;
import org.springframework.stereotype.Service;

/**
 * The overlap alerts raised on one programme, for the pages that show a programme whole; which alerts a
 * person sees is decided where every other reading of alerts is decided ({@link OverlapAlerts}).
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class ProgrammeAlerts {

	private final OverlapAlerts alerts;

	ProgrammeAlerts(OverlapAlerts alerts) {
		this.alerts = alerts;
	}

	/** @throws org.springframework.security.access.AccessDeniedException for a donor */
	public List<OverlapAlertView> of(CoopflowUser user, long programmeId) {
		return alerts.involving(user, programmeId);
	}

}
