package org.coopflow.pledges;

import java.math.BigDecimal;
import java.util.List;

/** A new amount and schedule for a pledge not yet agreed, with the reason; {@code version} as read. */
record PledgeRevisionRequest(BigDecimal amount, List<PledgeRequest.InstalmentRequest> instalments,
		String reason, Integer version) {
}
