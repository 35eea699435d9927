package org.coopflow.reporting;

import org.coopflow.programmes.PortfolioFigures;
import org.coopflow.programmes.PortfolioFigures.Figures;
import org.coopflow.programmes.PortfolioFigures.Named;
import org.coopflow.programmes.PortfolioFigures.Sums;
import org.coopflow.programmes.PortfolioFigures.Theme;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coopflow.activities.ImplementationReports;
import org.coopflow.activities.ReportView;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Currencies;
import org.coopflow.reference.ExchangeRates;
import org.coopflow.reference.Office;
import org.coopflow.reference.Standard;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.reporting.Portfolio.FundingGap;
import org.coopflow.reporting.Portfolio.OverdueReport;
import org.coopflow.reporting.Portfolio.StatusLine;
import org.coopflow.reporting.Portfolio.ThemeLine;
import org.coopflow.results.OffTrackIndicator;
import org.coopflow.results.ResultsFramework;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the portfolio from the programmes module's figures ({@link PortfolioFigures}), summed by the database
 * per status, standard and country, with only the largest gaps read as rows: what crosses the wire stays a few
 * dozen lines however many programmes there are (100,000 in src/test/java/org/coopflow/web/bench).
 * Staff only: a donor follows its own pledges, not the offices' portfolio.
 */
@Service
@Transactional(readOnly = true)
public class PortfolioReport {

	/** The programmes whose money the standard and country lines sum: approved, from open for funding on. */
	static final Set<ProgrammeStatus> APPROVED = EnumSet.of(ProgrammeStatus.OPEN_FOR_FUNDING,
			ProgrammeStatus.PARTIALLY_FUNDED, ProgrammeStatus.FUNDED, ProgrammeStatus.CLOSED);

	private final PortfolioFigures figures;

	private final ExchangeRates rates;

	private final StandardsCatalogue standards;

	private final ImplementationReports reports;

	private final Clock clock;

	private final ResultsFramework results;

	PortfolioReport(PortfolioFigures figures, ExchangeRates rates, StandardsCatalogue standards, ImplementationReports reports,
			Clock clock, ResultsFramework results) {
		this.results = results;
		this.figures = figures;
		this.clock = clock;
		this.rates = rates;
		this.standards = standards;
		this.reports = reports;
	}

	/**
	 * One programme with its funding sums; {@code unitsPerUsd} is this month's rate of its currency, null when
	 * there is none. Committed and received dollars are what the pledges were worth when recorded; the budget
	 * and the gap have no such date, so both are converted at this month's rate.
	 */
	record Row(long id, String title, Office office, ProgrammeStatus status, BigDecimal budget, String currency,
			Instant fundingDeadlineAt, BigDecimal committed, BigDecimal committedUsd, BigDecimal receivedUsd,
			BigDecimal unitsPerUsd) {

		BigDecimal gap() {
			return budget.subtract(committed).max(BigDecimal.ZERO);
		}

		BigDecimal budgetUsd() {
			return toUsd(budget);
		}

		/**
		 * The gap in programme currency at this month's rate: subtracting the committed dollars (valued at
		 * the pledges' own rates) from the budget at today's rate would show a fully funded euro programme
		 * as short, or a short one as funded, whenever the rate has moved.
		 */
		BigDecimal gapUsd() {
			return toUsd(gap());
		}

		private BigDecimal toUsd(BigDecimal amount) {
			return unitsPerUsd == null ? null : Currencies.toUsd(amount, unitsPerUsd);
		}

	}

	public Portfolio of(CoopflowUser user, Office office, int limit) {
		if (user.getRole() == Role.DONOR) {
			throw new AccessDeniedException("The portfolio is for programme officers, coordinators and administrators.");
		}
		Instant now = clock.instant();
		LocalDate asOf = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Map<String, BigDecimal> unitsPerUsd = new HashMap<>();
		Set<String> withoutRate = new TreeSet<>();
		for (String currency : figures.currencies(office)) {
			rates.unitsPerUsd(currency, asOf).ifPresentOrElse(rate -> unitsPerUsd.put(currency, rate),
					() -> withoutRate.add(currency));
		}

		List<Sums> perStatus = figures.byStatus(office, unitsPerUsd);
		List<StatusLine> byStatus = perStatus.stream()
			.map(line -> new StatusLine(ProgrammeStatus.valueOf(line.key()), line.programmes(), line.budgetUsd(),
					line.committedUsd(), line.receivedUsd()))
			.sorted(Comparator.comparing(StatusLine::status))
			.toList();
		long programmes = perStatus.stream().mapToLong(Sums::programmes).sum();

		Map<String, String> standardTitles = standards.all()
			.stream()
			.collect(Collectors.toMap(Standard::code, Standard::title, (a, b) -> a));
		List<ThemeLine> byStandard = themes(Theme.STANDARD, office, unitsPerUsd,
				code -> standardTitles.getOrDefault(code, code));
		List<ThemeLine> byCountry = themes(Theme.COUNTRY, office, unitsPerUsd, CountryNames::name);

		Sums seeking = figures.seekingFunds(office, unitsPerUsd);
		Portfolio.Gaps gaps = new Portfolio.Gaps(seeking.programmes(), seeking.gapUsd(),
				figures.largestGaps(office, unitsPerUsd, limit).stream().map(p -> {
					Row row = row(p, unitsPerUsd.get(p.currency()));
					return new FundingGap(row.id(), row.title(), row.office(), row.status(), row.currency(), row.budget(),
							row.committed(), row.gap(), row.gapUsd(), row.fundingDeadlineAt());
				}).toList());

		List<ReportView> overdueReports = reports.overdue();
		Map<Long, Named> late = named(overdueReports.stream().map(ReportView::programmeId).toList(), office);
		List<ReportView> lateHere = overdueReports.stream().filter(r -> late.containsKey(r.programmeId())).toList();
		Portfolio.Overdue overdue = new Portfolio.Overdue(lateHere.size(), lateHere.stream().limit(limit).map(r -> {
			Named programme = late.get(r.programmeId());
			return new OverdueReport(r.id(), r.programmeId(), programme.title(), programme.office(), r.kind(),
					r.periodFrom(), r.periodTo(), r.dueAt(), Duration.between(r.dueAt(), now).toDays(),
					r.escalatedAt() != null);
		}).toList());

		// the few programmes with indicators are looked up, rather than the approved ones' ids sent to results
		List<OffTrackIndicator> offTrackEverywhere = results.offTrack();
		Map<Long, Named> tracked = named(offTrackEverywhere.stream().map(OffTrackIndicator::programmeId).toList(), office);
		List<OffTrackIndicator> behind = offTrackEverywhere.stream()
			.filter(i -> tracked.containsKey(i.programmeId()) && APPROVED.contains(tracked.get(i.programmeId()).status()))
			.toList();
		Portfolio.OffTrack offTrack = new Portfolio.OffTrack(behind.size(), behind.stream().limit(limit).map(i -> {
			Named programme = tracked.get(i.programmeId());
			return new Portfolio.OffTrackIndicator(i.programmeId(), programme.title(), programme.office(), i.indicatorId(),
					i.indicatorTitle(), i.periodEnd(), i.target(), i.actual());
		}).toList());

		return new Portfolio(office, asOf, programmes, byStatus, byStandard, byCountry, gaps, overdue, offTrack,
				List.copyOf(withoutRate));
	}

	/** The programmes of the ids that are of the office (of either when null), by id. */
	private Map<Long, Named> named(List<Long> ids, Office office) {
		return figures.named(new java.util.HashSet<>(ids))
			.stream()
			.filter(p -> office == null || p.office() == office)
			.collect(Collectors.toMap(Named::id, Function.identity()));
	}

	private static Row row(Figures p, BigDecimal unitsPerUsd) {
		return new Row(p.id(), p.title(), p.office(), p.status(), p.budget(), p.currency(), p.fundingDeadlineAt(),
				p.committed(), p.committedUsd(), p.receivedUsd(), unitsPerUsd);
	}

	/** The approved programmes per code of a theme table (standards or countries), by code. */
	private List<ThemeLine> themes(Theme theme, Office office, Map<String, BigDecimal> unitsPerUsd,
			Function<String, String> name) {
		return figures.byTheme(theme, office, APPROVED, unitsPerUsd)
			.stream()
			.sorted(Comparator.comparing(Sums::key))
			.map(line -> new ThemeLine(line.key(), name.apply(line.key()), line.programmes(), line.budgetUsd(),
					line.committedUsd(), line.gapUsd()))
			.toList();
	}

}
