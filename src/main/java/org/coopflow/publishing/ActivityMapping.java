package org.coopflow.publishing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

import org.coopflow.activities.ExpenditureView;
import org.coopflow.activities.ImplementationView;
import org.coopflow.activities.ProgrammeDocument;
import org.coopflow.pledges.PledgeFlow;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.programmes.Scope;
import org.coopflow.publishing.IatiActivity.ActivityDate;
import org.coopflow.publishing.IatiActivity.Budget;
import org.coopflow.publishing.IatiActivity.Organisation;
import org.coopflow.publishing.IatiActivity.Participant;
import org.coopflow.publishing.IatiActivity.Share;
import org.coopflow.publishing.IatiActivity.Transaction;
import org.coopflow.reference.CountryNames;
import org.coopflow.results.Baseline;
import org.coopflow.results.IndicatorView;
import org.coopflow.results.ResultView;

/**
 * How a programme becomes an IATI activity (docs/iati.md has the table): the office reports it and is
 * accountable for it, Member States whose pledges are agreed fund it, its partner implements it; countries
 * and sectors share it equally; its budget is split into periods of at most a year in proportion to their
 * days; pledges, agreements, confirmed receipts and expenditures are its transactions.
 */
final class ActivityMapping {

	/** Region 998, "Developing countries, unspecified": where a global programme is reported. */
	static final String GLOBAL_REGION = "998";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final IatiSettings settings;

	private final ToIntFunction<String> minorUnits;

	ActivityMapping(IatiSettings settings, ToIntFunction<String> minorUnits) {
		this.settings = settings;
		this.minorUnits = minorUnits;
	}

	/**
	 * @param flows the money steps of the pledges funding the programme
	 * @param spending its expenditures
	 * @param implementation its implementation, null before it was funded
	 * @param documents the documents its activities produced
	 * @param results its results framework, empty when it has none
	 */
	IatiActivity of(ProgrammeView p, List<PledgeFlow> flows, List<ExpenditureView> spending,
			ImplementationView implementation, List<ProgrammeDocument> documents, List<ResultView> results) {
		IatiSettings.Organisation office = settings.office(p.office());
		Organisation reporting = new Organisation(office.ref(), office.type(), office.name());

		List<Participant> participants = new ArrayList<>();
		flows.stream()
			.filter(f -> f.kind() == PledgeFlow.Kind.AGREED)
			.map(PledgeFlow::donor)
			.distinct()
			.sorted()
			.forEach(donor -> participants.add(new Participant("1", donor(donor))));
		participants.add(new Participant("2", reporting));
		if (p.implementingPartner() != null && !p.implementingPartner().isBlank()) {
			participants.add(new Participant("4", new Organisation(null, null, p.implementingPartner().strip())));
		}

		List<ActivityDate> dates = new ArrayList<>();
		if (p.plannedStart() != null) {
			dates.add(new ActivityDate("1", p.plannedStart()));
		}
		if (implementation != null && implementation.startedAt() != null) {
			dates.add(new ActivityDate("2", LocalDate.ofInstant(implementation.startedAt(), ZoneOffset.UTC)));
		}
		if (p.plannedEnd() != null) {
			dates.add(new ActivityDate("3", p.plannedEnd()));
		}
		if (implementation != null && implementation.closedAt() != null) {
			dates.add(new ActivityDate("4", LocalDate.ofInstant(implementation.closedAt(), ZoneOffset.UTC)));
		}

		List<Share> countries = equalShares(p.countries());
		List<Share> regions = countries.isEmpty() && p.scope() == Scope.GLOBAL
				? List.of(new Share(GLOBAL_REGION, null)) : List.of();

		List<Transaction> transactions = new ArrayList<>();
		for (PledgeFlow flow : flows) {
			String type = switch (flow.kind()) {
				case ANNOUNCED -> "13";
				case AGREED -> "11";
				case RECEIVED -> "1";
			};
			transactions.add(new Transaction(type, flow.date(), money(flow.amount(), flow.currency()), flow.currency(),
					flow.date(), null, donor(flow.donor())));
		}
		for (ExpenditureView spent : spending) {
			transactions.add(new Transaction("4", spent.spentOn(), money(spent.amount(), spent.currency()),
					spent.currency(), spent.spentOn(), spent.description(), null));
		}
		transactions.sort(Comparator.comparing(Transaction::date, Comparator.nullsFirst(Comparator.naturalOrder())));

		return new IatiActivity(p.id(), office.ref() + "-" + p.id(), p.updatedAt(), p.budget().currency(), reporting,
				p.title(), p.description(), participants, status(p.status()), dates, countries, regions,
				equalShares(p.sectors()), budgets(p), transactions,
				documents.stream().map(ActivityMapping::document).toList(),
				results.stream().map(ActivityMapping::result).toList());
	}

	/**
	 * A document an activity produced, as IATI reads it: category A08 (results, outcomes and outputs), its
	 * language, the day it was added, and a format told from the link's file name (a link to a page
	 * otherwise).
	 */
	static IatiActivity.DocumentLink document(ProgrammeDocument d) {
		return new IatiActivity.DocumentLink(d.link(), format(d.link()), d.title(), IatiActivity.RESULTS_DOCUMENT,
				d.language() == null ? null : d.language().toLowerCase(java.util.Locale.ROOT),
				LocalDate.ofInstant(d.addedAt(), ZoneOffset.UTC));
	}

	/** The IANA media type a link's file name says, for the formats documents come in; text/html otherwise. */
	static String format(String link) {
		String path = java.net.URI.create(link).getPath();
		String name = path == null ? "" : path.toLowerCase(java.util.Locale.ROOT);
		if (name.endsWith(".pdf")) {
			return "application/pdf";
		}
		if (name.endsWith(".docx")) {
			return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
		}
		if (name.endsWith(".doc")) {
			return "application/msword";
		}
		if (name.endsWith(".odt")) {
			return "application/vnd.oasis.opendocument.text";
		}
		if (name.endsWith(".xlsx")) {
			return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		}
		if (name.endsWith(".csv")) {
			return "text/csv";
		}
		return "text/html";
	}

	/**
	 * A result with its indicators as IATI reads them: a qualitative indicator's baseline, targets and actuals
	 * say what they are in their comments, every other measure gives numbers; an actual is published once it
	 * was recorded (a period measured "missing, because..." has none). The officers' own comments on a baseline
	 * or an actual are never published, here as in the open data (docs/open-data.md): they are notes for the
	 * offices and the donors who follow the programme.
	 */
	static IatiActivity.Result result(ResultView result) {
		return new IatiActivity.Result(Integer.toString(result.type().iatiCode()), result.title(), result.description(),
				result.indicators().stream().map(ActivityMapping::indicator).toList());
	}

	private static IatiActivity.Indicator indicator(IndicatorView i) {
		boolean qualitative = i.measure().isQualitative();
		Baseline b = i.baseline();
		IatiActivity.Baseline baseline = null;
		if (b != null && (b.year() != null || b.date() != null)) {
			baseline = new IatiActivity.Baseline(b.year() != null ? b.year() : b.date().getYear(), b.date(),
					qualitative ? null : number(b.value()), qualitative ? words(b.text()) : null);
		}
		List<IatiActivity.Period> periods = i.periods()
			.stream()
			.map(p -> new IatiActivity.Period(p.start(), p.end(),
					qualitative ? new IatiActivity.Measured(null, p.targetText())
							: p.targetValue() == null ? null : new IatiActivity.Measured(number(p.targetValue()), null),
					!p.hasActual() ? null
							: new IatiActivity.Measured(qualitative ? null : number(p.actualValue()),
									qualitative ? words(p.actualText()) : null)))
			.toList();
		return new IatiActivity.Indicator(Integer.toString(i.measure().iatiCode()), i.ascending(), i.title(),
				i.description(), baseline, periods);
	}

	private static String number(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().toPlainString();
	}

	private static String words(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** The IATI activity status (codelist ActivityStatus) of a programme from approval on. */
	static String status(ProgrammeStatus status) {
		return switch (status) {
			case OPEN_FOR_FUNDING, PARTIALLY_FUNDED -> "1";
			case FUNDED -> "2";
			case CLOSED -> "4";
			case CANCELLED -> "5";
			default -> throw new IllegalArgumentException("a " + status + " programme is not published");
		};
	}

	private Organisation donor(String memberState) {
		return new Organisation(settings.donors().get(memberState), settings.donorType(), CountryNames.name(memberState));
	}

	private BigDecimal money(BigDecimal amount, String currency) {
		return amount.setScale(minorUnits.applyAsInt(currency), RoundingMode.HALF_EVEN);
	}

	/** Equal percentages to the hundredth, the last one taking what rounding left, so that they sum to 100. */
	static List<Share> equalShares(List<String> codes) {
		List<String> distinct = codes.stream().distinct().toList();
		if (distinct.isEmpty()) {
			return List.of();
		}
		BigDecimal each = HUNDRED.divide(BigDecimal.valueOf(distinct.size()), 2, RoundingMode.DOWN);
		List<Share> shares = new ArrayList<>(distinct.size());
		for (int i = 0; i < distinct.size() - 1; i++) {
			shares.add(new Share(distinct.get(i), each));
		}
		BigDecimal last = HUNDRED.subtract(each.multiply(BigDecimal.valueOf(distinct.size() - 1)));
		shares.add(new Share(distinct.get(distinct.size() - 1), last));
		return shares;
	}

	/**
	 * The budget over the planned period in slices of at most a year from the planned start, each its share
	 * of the budget by days (to the currency's minor units, the last taking what rounding left).
	 */
	List<Budget> budgets(ProgrammeView p) {
		LocalDate start = p.plannedStart();
		LocalDate end = p.plannedEnd();
		if (start == null || end == null || p.budget() == null) {
			return List.of();
		}
		String currency = p.budget().currency();
		BigDecimal total = money(p.budget().amount(), currency);
		if (end.isBefore(start)) {
			// not sliced: the rules name what is wrong with it
			return List.of(new Budget(start, end, total, currency, start));
		}
		long days = ChronoUnit.DAYS.between(start, end) + 1;
		List<Budget> budgets = new ArrayList<>();
		BigDecimal allotted = BigDecimal.ZERO;
		for (LocalDate from = start; !from.isAfter(end);) {
			LocalDate to = from.plusYears(1).minusDays(1);
			if (to.isAfter(end)) {
				to = end;
			}
			BigDecimal value;
			if (to.equals(end)) {
				value = total.subtract(allotted);
			}
			else {
				value = total.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to) + 1))
					.divide(BigDecimal.valueOf(days), total.scale(), RoundingMode.HALF_EVEN);
				allotted = allotted.add(value);
			}
			budgets.add(new Budget(from, to, value, currency, from));
			from = to.plusDays(1);
		}
		return budgets;
	}

}
