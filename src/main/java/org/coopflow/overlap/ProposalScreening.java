package org.coopflow.overlap;

import java.util.List;

import org.coopflow.programmes.OverlapScreening;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens a programme when the funding proposal process asks (a proposal submitted or resubmitted):
 * alerts are raised in the process's transaction, and the proposal waits for every alert still open
 * on it, also those raised earlier by another programme's screening.
 */
@Service
class ProposalScreening implements OverlapScreening {

	private final PortfolioIndex index;

	private final OverlapAlerts alerts;

	ProposalScreening(PortfolioIndex index, OverlapAlerts alerts) {
		this.index = index;
		this.alerts = alerts;
	}

	@Override
	@Transactional
	public List<Long> screen(long programmeId) {
		alerts.record(index.screen(programmeId), programmeId, index::changedSince);
		return alerts.openAlertsOf(programmeId);
	}

}
