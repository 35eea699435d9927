package org.coopflow.reporting;

import org.coopflow.programmes.PortfolioFigures;
import org.coopflow.programmes.PortfolioFigures.Theme;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 * Builds the portfolio from the programmes module's figures, read in three queries (programmes with their
 * funding sums, their standards, their countries; {@link PortfolioFigures}), so that it stays one round trip
 * per table however many programmes there are.
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
		List<Row> rows = rows(office, asOf);
		Map<Long, Row> byId = rows.stream().collect(Collectors.toMap(Row::id, Function.identity()));

		Map<ProgrammeStatus, List<Row>> perStatus = new TreeMap<>();
		rows.forEach(row -> perStatus.computeIfAbsent(row.status(), s -> new ArrayList<>()).add(row));
		List<StatusLine> byStatus = perStatus.entrySet()
			.stream()
			.map(e -> new StatusLine(e.getKey(), e.getValue().size(), sum(e.getValue(), Row::budgetUsd),
					sum(e.getValue(), Row::committedUsd), sum(e.getValue(), Row::receivedUsd)))
			.toList();

		Map<String, String> standardTitles = standards.all()
			.stream()
			.collect(Collectors.toMap(Standard::code, Standard::title, (a, b) -> a));
		List<ThemeLine> byStandard = themes(byId, Theme.STANDARD,
				code -> standardTitles.getOrDefault(code, code));
		List<ThemeLine> byCountry = themes(byId, Theme.COUNTRY, CountryNames::name);

		List<Row> seeking = rows.stream()
			.filter(row -> row.status().isOpenForFunding() && row.gap().signum() > 0)
			.sorted(Comparator.comparing(Row::gapUsd, Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing(Row::id))
			.toList();
		Portfolio.Gaps gaps = new Portfolio.Gaps(seeking.size(), sum(seeking, Row::gapUsd),
				seeking.stream()
					.limit(limit)
					.map(row -> new FundingGap(row.id(), row.title(), row.office(), row.status(), row.currency(),
							row.budget(), row.committed(), row.gap(), row.gapUsd(), row.fundingDeadlineAt()))
					.toList());

		List<ReportView> late = reports.overdue().stream().filter(r -> byId.containsKey(r.programmeId())).toList();
		Portfolio.Overdue overdue = new Portfolio.Overdue(late.size(), late.stream().limit(limit).map(r -> {
			Row row = byId.get(r.programmeId());
			return new OverdueReport(r.id(), r.programmeId(), row.title(), row.office(), r.kind(), r.periodFrom(),
					r.periodTo(), r.dueAt(), Duration.between(r.dueAt(), now).toDays(), r.escalatedAt() != null);
		}).toList());

		List<OffTrackIndicator> behind = results.offTrack(rows.stream()
			.filter(row -> APPROVED.contains(row.status()))
			.map(Row::id)
			.toList());
		Portfolio.OffTrack offTrack = new Portfolio.OffTrack(behind.size(), behind.stream().limit(limit).map(i -> {
			Row row = byId.get(i.programmeId());
			return new Portfolio.OffTrackIndicator(i.programmeId(), row.title(), row.office(), i.indicatorId(),
					i.indicatorTitle(), i.periodEnd(), i.target(), i.actual());
		}).toList());

		Set<String> withoutRate = rows.stream()
			.filter(row -> row.unitsPerUsd() == null)
			.map(Row::currency)
			.collect(Collectors.toCollection(TreeSet::new));
		return new Portfolio(office, asOf, rows.size(), byStatus, byStandard, byCountry, gaps, overdue, offTrack,
				List.copyOf(withoutRate));
	}

	private List<Row> rows(Office office, LocalDate asOf) {
		Map<String, Optional<BigDecimal>> unitsPerUsd = new HashMap<>();
		return figures.of(office).stream().map(p -> {
			BigDecimal rate = unitsPerUsd.computeIfAbsent(p.currency(), c -> rates.unitsPerUsd(c, asOf)).orElse(null);
			return new Row(p.id(), p.title(), p.office(), p.status(), p.budget(), p.currency(), p.fundingDeadlineAt(),
					p.committed(), p.committedUsd(), p.receivedUsd(), rate);
		}).toList();
	}

	/** The approved programmes per code of a theme table (standards or countries), by code. */
	private List<ThemeLine> themes(Map<Long, Row> byId, Theme theme, Function<String, String> name) {
		Map<String, List<Row>> perCode = new TreeMap<>();
		figures.eachOf(theme, (code, programmeId) -> {
			Row row = byId.get(programmeId);
			if (row != null && APPROVED.contains(row.status())) {
				perCode.computeIfAbsent(code, c -> new ArrayList<>()).add(row);
			}
		});
		return perCode.entrySet()
			.stream()
			.map(e -> new ThemeLine(e.getKey(), name.apply(e.getKey()), e.getValue().size(),
					sum(e.getValue(), Row::budgetUsd), sum(e.getValue(), Row::committedUsd),
					sum(e.getValue(), Row::gapUsd)))
			.toList();
	}

	/** The sum of the values that are known (a missing rate leaves its programme out of dollar sums). */
	private static BigDecimal sum(List<Row> rows, Function<Row, BigDecimal> value) {
		return rows.stream()
			.map(value)
			.filter(java.util.Objects::nonNull)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

}
