package org.coopflow.overlap;

import java.util.List;

import org.coopflow.programmes.OpenOverlapAlerts;
import org.springframework.stereotype.Service;

/** The alerts still open on a programme, as the funding proposal's forms show them. */
@Service
class OpenAlertsInWords implements OpenOverlapAlerts {

	private final OverlapAlerts alerts;

	OpenAlertsInWords(OverlapAlerts alerts) {
		this.alerts = alerts;
	}

	@Override
	public List<String> of(long programmeId) {
		return alerts.openInWords(programmeId);
	}

}
