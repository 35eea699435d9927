package org.coopflow.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.coopflow.reference.Office;

/**
 * What happens in the implementation of a programme, published in the transaction of the change. The
 * notifications module mails officers, coordinators and donors from them; the implementation process
 * follows the ones it waits for.
 */
@org.springframework.modulith.NamedInterface("events")
public final class ActivityEvents {

	private ActivityEvents() {
	}

	/** An officer planned an activity or changed a planned one. */
	@org.springframework.modulith.NamedInterface("events")
	public record ActivityPlanned(long activityId, long programmeId, Office office) {
	}

	/** An officer cancelled an activity: its branch of the implementation process ends. */
	@org.springframework.modulith.NamedInterface("events")
	public record ActivityCancelled(long activityId, long programmeId, Office office, String reason) {
	}

	/** Spending beyond the received funds was recorded with an officer's reason. */
	@org.springframework.modulith.NamedInterface("events")
	public record SpendingOverrideRecorded(long expenditureId, long activityId, long programmeId, Office office,
			BigDecimal amount, String currency, BigDecimal receivedBefore, String reason, String by) {
	}

	/**
	 * A progress or final report is past due: the officers are reminded, or the coordinator told. A returned
	 * report's revision is due again later, so {@code dueAt} tells one round of reminders from the next.
	 */
	@org.springframework.modulith.NamedInterface("events")
	public record ReportOverdue(long reportId, long programmeId, Office office, ReportKind kind, boolean escalated,
			Instant dueAt) {
	}

	/**
	 * An officer decided what becomes of the money a closing programme did not spend; the Member States whose
	 * pledges funded it are told, since it is their money that is returned or reprogrammed.
	 */
	@org.springframework.modulith.NamedInterface("events")
	public record UnspentFundsDecided(long programmeId, Office office, BigDecimal amount, String currency,
			UnspentFundsChoice choice, String reason, List<String> donors) {
	}

	/** The final report was sent to the Member States whose pledges funded the programme. */
	@org.springframework.modulith.NamedInterface("events")
	public record ReportSentToDonors(long reportId, long programmeId, Office office, List<String> donors) {
	}

	/**
	 * Member States asked about a standard have not replied to the questionnaire: they are reminded.
	 * {@code remindedAt} names the reminder round (to the millisecond, which the database may not keep).
	 */
	@org.springframework.modulith.NamedInterface("events")
	public record SurveyRepliesOutstanding(long activityId, long programmeId, Office office, List<String> memberStates,
			java.time.Instant remindedAt) {
	}

}
