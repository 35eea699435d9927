package org.coopflow.results;

import org.coopflow.programmes.ProgrammeStatus;

/**
 * What may change in a programme's results, by where the programme stands: before approval anything; from
 * approval on, what was agreed (results, indicators, baselines, targets) only as a revision with a reason,
 * while actuals are recorded; once the programme has ended, nothing.
 */
@org.springframework.modulith.NamedInterface("api")
public enum Phase {

	PLANNING,
	APPROVED,
	ENDED;

	public static Phase of(ProgrammeStatus status) {
		return switch (status) {
			case DRAFT, SUBMITTED, OVERLAP_REVIEW, UNDER_REVIEW, RETURNED_FOR_REVISION -> PLANNING;
			case OPEN_FOR_FUNDING, PARTIALLY_FUNDED, FUNDED -> APPROVED;
			case CLOSED, REJECTED, WITHDRAWN, CANCELLED -> ENDED;
		};
	}

}
