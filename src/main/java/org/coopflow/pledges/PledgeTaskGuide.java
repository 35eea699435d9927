package org.coopflow.pledges;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coopflow.pledges.DonorPledgeProcess.Tasks;
import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.pledges.PledgeView.PaymentView;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.WorkingDays;
import org.coopflow.reference.Amounts;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.StandardsCatalogue;
import java.util.List;
import org.coopflow.security.Role;
import org.coopflow.workflow.TaskGuide;
import org.springframework.stereotype.Component;

/**
 * Names the pledge process's tasks after the pledge ("Verify pledge — Norway, NOK 100,000 to CPCJD").
 * Due dates: verification within {@value #DAYS_TO_ACT} working days of the announcement, the agreement
 * by the pledge's lapse date (when the process lets it lapse), an allocation within
 * {@value #DAYS_TO_ACT} working days, a reported payment confirmed within {@value #DAYS_TO_ACT} working
 * days of its report. None of these tasks is reminded, so none has a follow-up date.
 */
@Component
class PledgeTaskGuide implements TaskGuide {

	static final int DAYS_TO_ACT = 5;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final PledgeQueries pledges;

	private final PledgeMoney money;

	private final WorkingDays workingDays;

	private final StandardsCatalogue standards;

	private final ProgrammeCatalogue programmes;

	PledgeTaskGuide(PledgeQueries pledges, PledgeMoney money, WorkingDays workingDays, StandardsCatalogue standards,
			ProgrammeCatalogue programmes) {
		this.programmes = programmes;
		this.pledges = pledges;
		this.money = money;
		this.workingDays = workingDays;
		this.standards = standards;
	}

	@Override
	public String processDefinitionKey() {
		return DonorPledgeProcess.PROCESS_KEY;
	}

	@Override
	public List<WorkFilter> filters() {
		return List.of(new WorkFilter("Pledges to verify",
				"Pledges announced by Member States, waiting for an officer of your office to check they are genuine.",
				List.of(Tasks.VERIFY_PLEDGE), List.of(Role.PROGRAMME_OFFICER.name())));
	}

	@Override
	public Guidance guide(DelegateTask task) {
		long pledgeId = DonorPledgeProcess.PLEDGE.of(task);
		// the row alone: a name and a due date need neither the schedule nor the payments, and every
		// completion that creates the next task pays for what is read here
		Pledge pledge = pledges.pledge(pledgeId);
		String donor = CountryNames.name(pledge.donor());
		String amount = Amounts.format(pledge.currency(), money.scaled(pledge.amount(), pledge.currency()));
		String office = pledge.office().label();
		String about = donor + ", " + amount + " to " + office;
		String record = donor + " pledged " + amount + " to " + office + ", " + earmarking(pledge)
				+ (pledge.announcedAt() == null ? "" : ", on " + day(pledge.announcedAt())) + " (pledge " + pledgeId + ").";
		return switch (task.getTaskDefinitionKey()) {
			case Tasks.VERIFY_PLEDGE -> {
				Date due = workingDaysAfter(pledge.announcedAt());
				yield new Guidance("Verify pledge — " + about, record
						+ " Check with the Member State's mission or capital that the pledge is genuine and that its earmarking fits "
						+ office + "'s work, then verify or decline it, by " + day(due.toInstant()) + ".", due, null);
			}
			case Tasks.CONCLUDE_AGREEMENT -> new Guidance("Conclude agreement — " + about, record
					+ " Record the signed contribution agreement, its date and reference, by " + DAY.format(pledge.lapseDate())
					+ ": without one the pledge lapses then.", PledgeFacts.lapseAt(pledge.lapseDate()), null);
			case Tasks.ALLOCATE_FUNDS -> {
				Date due = workingDays.after(DAYS_TO_ACT);
				yield new Guidance("Allocate funds — " + about, record + " The agreement is signed; choose the " + office
						+ " programme this pledge funds, one that fits its earmarking, by " + day(due.toInstant()) + ".", due,
						null);
			}
			case Tasks.CONFIRM_RECEIPT -> {
				PaymentView payment = pledges.nextPaymentToConfirm(pledgeId).orElse(null);
				if (payment == null) {
					yield new Guidance("Confirm receipt — " + about, record, workingDays.after(DAYS_TO_ACT), null);
				}
				String paid = Amounts.format(pledge.currency(), payment.amount());
				Date due = workingDaysAfter(payment.reportedAt());
				yield new Guidance("Confirm receipt — " + donor + ", " + paid + " paid to " + office,
						donor + " reports a payment of " + paid + " made on " + DAY.format(payment.paidOn())
								+ (payment.reference() == null ? "" : ", reference " + payment.reference()) + ", towards its pledge of "
								+ amount + " to " + office + " (pledge " + pledgeId + "). Check the bank statement and confirm that it arrived, or say what was found, by "
								+ day(due.toInstant()) + ".",
						due, null);
			}
			default -> new Guidance(task.getName() + " — " + about, record, null, null);
		};
	}

	private String earmarking(Pledge pledge) {
		String target = pledge.earmarkTarget();
		return switch (pledge.earmarking()) {
			case NONE -> "not earmarked";
			case COUNTRY -> "earmarked for " + CountryNames.name(target);
			case STANDARD -> "earmarked for " + standards.find(target).map(s -> s.title()).orElse(target);
			case PROGRAMME -> pledge.programmeId() == null ? "earmarked for a programme"
					: programmes.find(pledge.programmeId())
						.map(p -> "earmarked for the programme \"" + TaskGuide.shortened(p.title(), 80) + "\"")
						.orElse("earmarked for a programme");
		};
	}

	/** Working days counted from when something happened; from now when it is not known. */
	private Date workingDaysAfter(Instant start) {
		if (start == null) {
			return workingDays.after(DAYS_TO_ACT);
		}
		ZoneId zone = workingDays.zone();
		return Date.from(workingDays.add(start.atZone(zone), DAYS_TO_ACT).toInstant());
	}

	private String day(Instant instant) {
		return DAY.format(instant.atZone(workingDays.zone()).toLocalDate());
	}

}
