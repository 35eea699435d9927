package org.coopflow.pledges;

import org.coopflow.programmes.FundingLedger;

/**
 * What every use case that changes a pledge works with: the stored pledges, who may act on one, its status
 * changes, the view it answers with, and the programme's funding ledger.
 */
abstract class PledgeUseCase {

	final PledgeRepository pledges;

	final PledgeAccess access;

	final PledgeTransitions transitions;

	final PledgeViews views;

	final FundingLedger ledger;

	PledgeUseCase(PledgeRepository pledges, PledgeAccess access, PledgeTransitions transitions, PledgeViews views,
			FundingLedger ledger) {
		this.pledges = pledges;
		this.access = access;
		this.transitions = transitions;
		this.views = views;
		this.ledger = ledger;
	}

}
