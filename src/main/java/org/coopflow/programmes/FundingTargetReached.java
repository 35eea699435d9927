package org.coopflow.programmes;

/**
 * Committed funding for a programme reached its budget. The pledges module publishes it; the funding
 * proposal process waiting for it marks the programme funded.
 */
record FundingTargetReached(long programmeId) {
}
