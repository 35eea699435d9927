package org.coopflow.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A progress or final report of a programme's implementation. {@code spent} is what had been spent
 * when it was submitted, in the programme currency.
 */
@org.springframework.modulith.NamedInterface("api")
public record ReportView(long id, long programmeId, ReportKind kind, LocalDate periodFrom, LocalDate periodTo,
		ReportStatus status, String summary, BigDecimal spent, Instant dueAt, String submittedBy, Instant submittedAt,
		String reviewedBy, Instant reviewedAt, String reviewComment, Instant remindedAt, Instant escalatedAt,
		Instant sentToDonorsAt) {

	public boolean overdue(Instant now) {
		return status == ReportStatus.DUE && dueAt.isBefore(now);
	}

	/** What a donor may read: accepted progress reports and the final report once submitted. */
	public boolean sharedWithDonors() {
		return status == ReportStatus.ACCEPTED || (kind == ReportKind.FINAL && status == ReportStatus.SUBMITTED);
	}

}
