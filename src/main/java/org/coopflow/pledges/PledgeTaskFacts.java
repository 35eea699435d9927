package org.coopflow.pledges;

import org.coopflow.pledges.DonorPledgeProcess.Typed;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coopflow.pledges.DonorPledgeProcess.Tasks;
import org.coopflow.pledges.DonorPledgeProcess.Variables;
import org.coopflow.pledges.PledgeView.PaymentView;
import org.coopflow.programmes.FundingLedger;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.Amounts;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Standard;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.security.UserDirectory;
import org.coopflow.workflow.TaskFacts;
import org.springframework.stereotype.Component;

/**
 * What the pledge process's forms show, read from the pledge's record whenever a form is opened: the
 * pledge in words, its instalments and, for "Confirm receipt", the payment the task is bound to.
 */
@Component
class PledgeTaskFacts implements TaskFacts {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

	/** The variable the "Programme" select of "Allocate funds" takes its options from (its valuesKey). */
	static final String PROGRAMME_OPTIONS = "programmeOptions";

	private final PledgeQueries pledges;

	private final FundingLedger ledger;

	private final ProgrammeCatalogue programmes;

	private final StandardsCatalogue standards;

	private final UserDirectory people;

	PledgeTaskFacts(PledgeQueries pledges, FundingLedger ledger, ProgrammeCatalogue programmes,
			StandardsCatalogue standards, UserDirectory people) {
		this.pledges = pledges;
		this.ledger = ledger;
		this.programmes = programmes;
		this.standards = standards;
		this.people = people;
	}

	@Override
	public String processKey() {
		return DonorPledgeProcess.PROCESS_KEY;
	}

	/** What {@link #of} gives, by the task alone: a completion that sends none of them reads no pledge. */
	@Override
	public Set<String> names(DelegateTask task) {
		Set<String> names = new LinkedHashSet<>(List.of(Variables.SUMMARY, Variables.SCHEDULE));
		if (Tasks.ALLOCATE_FUNDS.equals(task.getTaskDefinitionKey())) {
			names.add(PROGRAMME_OPTIONS);
		}
		if (Tasks.CONFIRM_RECEIPT.equals(task.getTaskDefinitionKey())) {
			names.add(Variables.PAYMENT_SUMMARY);
		}
		return names;
	}

	@Override
	public Map<String, Object> of(DelegateTask task) {
		long pledgeId = DonorPledgeProcess.PLEDGE.of(task);
		PledgeView pledge = pledges.view(pledgeId);
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put(Variables.SUMMARY, summary(pledge));
		shown.put(Variables.SCHEDULE, schedule(pledge));
		if (Tasks.ALLOCATE_FUNDS.equals(task.getTaskDefinitionKey())) {
			shown.put(PROGRAMME_OPTIONS, programmesToFund(pledge));
		}
		if (Tasks.CONFIRM_RECEIPT.equals(task.getTaskDefinitionKey())) {
			Long paymentId = Typed.PAYMENT_ID.orNull(task);
			shown.put(Variables.PAYMENT_SUMMARY, pledge.payments()
				.stream()
				.filter(p -> paymentId != null && p.id() == paymentId)
				.findFirst()
				.map(p -> payment(pledge, p))
				.orElse("The payment this task was about is no longer recorded."));
		}
		return shown;
	}

	/**
	 * The programmes "Allocate funds" offers: those of the pledge's office that receive funds and fit its
	 * earmarking. Only an offer: "Record allocation" checks the programme chosen against the record.
	 */
	private Object programmesToFund(PledgeView pledge) {
		String standard = pledge.earmarking() == Earmarking.STANDARD ? pledge.earmarkTarget() : null;
		String country = pledge.earmarking() == Earmarking.COUNTRY ? pledge.earmarkTarget() : null;
		Map<Long, String> options = new LinkedHashMap<>();
		ledger.targetsFor(pledge.office(), standard, country)
			.stream()
			.filter(p -> pledge.programmeId() == null || pledge.programmeId() == p.programmeId())
			.forEach(p -> options.put(p.programmeId(), p.title() + " (no. " + p.programmeId() + ", " + p.status().label() + ")"));
		return TaskFacts.options(options);
	}

	String summary(PledgeView p) {
		StringBuilder text = new StringBuilder();
		text.append(CountryNames.name(p.donor()))
			.append(" pledged ")
			.append(Amounts.format(p.currency(), p.amount()));
		if (!"USD".equals(p.currency())) {
			text.append(" (").append(Amounts.format("USD", p.amountUsd())).append(" at the rate of ")
				.append(month(p.rateMonth()))
				// the month's own rate is not entered yet: the figure changes when it is
				.append(p.rateProvisional() ? ", provisional until the month's rate is entered" : "")
				.append(')');
		}
		text.append(" to ").append(p.office().label()).append(".\n");
		text.append(p.earmarking().label()).append(earmark(p)).append(".\n");
		text.append("Status: ").append(p.status().label()).append(". Agreement due by ").append(TaskFacts.day(p.lapseDate()))
			.append('.');
		if (p.agreementReference() != null) {
			text.append(" Agreement ").append(p.agreementReference()).append(" signed on ")
				.append(TaskFacts.day(p.agreementDate())).append('.');
		}
		if (p.note() != null && !p.note().isBlank()) {
			text.append("\nThe donor's note: ").append(p.note());
		}
		return text.toString();
	}

	private String earmark(PledgeView p) {
		if (p.earmarkTarget() == null && p.programmeId() == null) {
			return "";
		}
		return ": " + switch (p.earmarking()) {
			case STANDARD -> standards.find(p.earmarkTarget()).map(Standard::title).orElse(p.earmarkTarget());
			case COUNTRY -> CountryNames.name(p.earmarkTarget());
			case PROGRAMME -> p.programmeId() == null ? p.earmarkTarget()
					: programmes.find(p.programmeId()).map(ProgrammeView::title).orElse("a programme no longer recorded");
			case NONE -> "";
		};
	}

	private static String schedule(PledgeView pledge) {
		return pledge.instalments()
			.stream()
			.map(i -> i.seq() + ". " + Amounts.format(pledge.currency(), i.amount()) + " due by "
					+ TaskFacts.day(i.dueDate())
					+ (i.paidAmount().signum() > 0 ? ", " + Amounts.format(pledge.currency(), i.paidAmount()) + " paid"
							: "")
					+ (i.overdue() ? ", overdue" : ""))
			.collect(Collectors.joining("\n"));
	}

	private String payment(PledgeView pledge, PaymentView payment) {
		return Amounts.format(pledge.currency(), payment.amount()) + " paid on " + TaskFacts.day(payment.paidOn())
				+ (payment.reference() == null ? "" : ", reference " + payment.reference()) + ", reported by "
				+ people.displayNameOf(payment.reportedBy()) + (payment.note() == null ? "" : ": " + payment.note());
	}

	/** "November 2026" for the month of the rate ("2026-11" or a day of it). */
	static String month(String rateMonth) {
		if (rateMonth == null) {
			return "";
		}
		try {
			return MONTH.format(rateMonth.length() > 7 ? LocalDate.parse(rateMonth) : YearMonth.parse(rateMonth));
		}
		catch (DateTimeParseException e) {
			return rateMonth;
		}
	}

}
