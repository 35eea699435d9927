package org.coopflow.programmes;

import org.coopflow.reference.Office;

/** An officer submitted a draft or a revised proposal. */
public record ProposalSubmitted(long programmeId, Office office, String submittedBy) {
}
