package org.coopflow.pledges;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.coopflow.pledges.PledgeView.InstalmentView;
import org.coopflow.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the donor pledge process reads from the pledge's record when it needs it (bean
 * {@code pledgeFacts}): gateways and timers ask here, so that a revised schedule or a payment
 * confirmed a moment ago counts, and no form can rewrite them through process variables. Each takes
 * the execution, whose business key names the pledge.
 */
@Component("pledgeFacts")
public class PledgeFacts { // public: the engine's expression language calls it by reflection

	/** Reminders go out at the start of the UN working day in New York and Vienna alike. */
	private static final LocalTime REMINDER_TIME = LocalTime.of(8, 0);

	private final PledgeQueries pledges;

	private final int reminderDaysBeforeDue;

	PledgeFacts(PledgeQueries pledges, @Value("${coopflow.pledges.reminder-days-before-due:14}") int reminderDaysBeforeDue) {
		this.pledges = pledges;
		this.reminderDaysBeforeDue = reminderDaysBeforeDue;
	}

	/** The candidate group of the pledge's tasks: the officers of the office its record names. */
	public String officers(DelegateExecution execution) {
		return Role.PROGRAMME_OFFICER.groupOf(pledges.pledge(DonorPledgeProcess.PLEDGE.of(execution)).office());
	}

	/** "Pledge verified?": the record says so once "Record verification" has written the officer's answer. */
	public boolean verified(DelegateExecution execution) {
		return pledges.pledge(DonorPledgeProcess.PLEDGE.of(execution)).verifiedAt() != null;
	}

	public boolean earmarkedToProgramme(DelegateExecution execution) {
		return pledges.pledge(DonorPledgeProcess.PLEDGE.of(execution)).programmeId() != null;
	}

	public boolean paid(DelegateExecution execution) {
		return pledges.pledge(DonorPledgeProcess.PLEDGE.of(execution)).status() == PledgeStatus.PAID;
	}

	public boolean paymentWaiting(DelegateExecution execution) {
		return pledges.nextPaymentToConfirm(DonorPledgeProcess.PLEDGE.of(execution)).isPresent();
	}

	/** The agreement is due by the end of the lapse date. */
	public Date lapseAt(DelegateExecution execution) {
		return lapseAt(pledges.pledge(DonorPledgeProcess.PLEDGE.of(execution)).lapseDate());
	}

	/** The end of the lapse date: when the pledge lapses without an agreement. */
	static Date lapseAt(LocalDate lapseDate) {
		return at(lapseDate.plusDays(1), LocalTime.MIDNIGHT);
	}

	public List<Integer> instalmentNumbers(DelegateExecution execution) {
		return pledges.facts(DonorPledgeProcess.PLEDGE.of(execution)).instalments().stream().map(InstalmentView::seq).toList();
	}

	public Date reminderAt(DelegateExecution execution, int instalment) {
		return at(dueDate(DonorPledgeProcess.PLEDGE.of(execution), instalment).minusDays(reminderDaysBeforeDue), REMINDER_TIME);
	}

	/** The morning after the due date: the instalment is overdue if it is not fully paid by then. */
	public Date overdueAt(DelegateExecution execution, int instalment) {
		return at(dueDate(DonorPledgeProcess.PLEDGE.of(execution), instalment).plusDays(1), REMINDER_TIME);
	}

	private LocalDate dueDate(long pledgeId, int instalment) {
		return pledges.facts(pledgeId)
			.instalments()
			.stream()
			.filter(i -> i.seq() == instalment)
			.findFirst()
			.map(InstalmentView::dueDate)
			.orElseThrow(() -> new IllegalStateException("Pledge " + pledgeId + " has no instalment " + instalment));
	}

	private static Date at(LocalDate day, LocalTime time) {
		return Date.from(day.atTime(time).toInstant(ZoneOffset.UTC));
	}

}
