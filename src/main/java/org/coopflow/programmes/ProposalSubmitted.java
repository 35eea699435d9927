package org.coopflow.programmes;

import org.coopflow.reference.Office;

/** An officer submitted a draft or a revised proposal. */
record ProposalSubmitted(long programmeId, Office office, String submittedBy) {
}
