package org.coopflow.reporting;

import org.coopflow.programmes.PortfolioFigures;
import org.coopflow.programmes.PortfolioFigures.Figures;
import org.coopflow.programmes.PortfolioFigures.GapSum;
import org.coopflow.programmes.PortfolioFigures.StatusSum;
import org.coopflow.programmes.PortfolioFigures.ThemeSum;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * Builds the portfolio from the programmes module's figures ({@link PortfolioFigures}), summed by the database
 * over the programme rows, which keep their funding sums as their ledger grows: per status and currency, per
 * standard or country and currency (kept by the programmes module until what they sum moves), the gaps per
 * currency and the largest gaps of each currency; then the programmes the overdue reports and the off-track
 * indicators name. No programme is read into memory that the
 * portfolio does not show, so it stays a few queries however many programmes there are (100,000 measured:
 * src/test/java/org/coopflow/web/bench/README.md).
 * <p>
 * Budgets and gaps are converted to dollars at this month's rate once per currency and sum: a programme's
 * own dollar figure (the largest gaps) is its amount converted, and a line's is its currencies' sums
 * converted, which may differ from the sum of its programmes' converted amounts by the rounding of each,
 * half a cent per programme in a currency other than the dollar.
 * Staff only: a donor follows its own pledges, not the offices' portfolio.
 */
@Service
@Transactional(readOnly = true)
public class PortfolioReport {

	/** The programmes whose money the standard and country lines sum: approved, from open for funding on. */
	static final Set<ProgrammeStatus> APPROVED = EnumSet.of(ProgrammeStatus.OPEN_FOR_FUNDING,
			ProgrammeStatus.PARTIALLY_FUNDED, ProgrammeStatus.FUNDED, ProgrammeStatus.CLOSED);

	/** The programmes whose gaps the portfolio lists: those seeking funds. */
	static final Set<ProgrammeStatus> SEEKING = EnumSet.copyOf(
			EnumSet.allOf(ProgrammeStatus.class).stream().filter(ProgrammeStatus::isOpenForFunding).toList());

	private static final BigDecimal CENT = new BigDecimal("0.01");

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

	/** This month's rates, each currency's read once per portfolio; null where a currency has none. */
	private final class MonthRates {

		private final LocalDate asOf;

		private final Map<String, Optional<BigDecimal>> unitsPerUsd = new HashMap<>();

		MonthRates(LocalDate asOf) {
			this.asOf = asOf;
		}

		BigDecimal of(String currency) {
			return unitsPerUsd.computeIfAbsent(currency, c -> rates.unitsPerUsd(c, asOf)).orElse(null);
		}

		/** The amount in dollars, null when its currency has no rate this month. */
		BigDecimal toUsd(BigDecimal amount, String currency) {
			BigDecimal rate = of(currency);
			return rate == null ? null : Currencies.toUsd(amount, rate);
		}

	}

	/** Dollar sums of a line; an amount of a currency without a rate (null) is left out. */
	private static final class Sums {

		long programmes;

		BigDecimal first = BigDecimal.ZERO.setScale(2);

		BigDecimal second = BigDecimal.ZERO.setScale(2);

		BigDecimal third = BigDecimal.ZERO.setScale(2);

		void add(long count, BigDecimal first, BigDecimal second, BigDecimal third) {
			this.programmes += count;
			this.first = plus(this.first, first);
			this.second = plus(this.second, second);
			this.third = plus(this.third, third);
		}

		private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
			return value == null ? sum : sum.add(value);
		}

	}

	public Portfolio of(CoopflowUser user, Office office, int limit) {
		if (user.getRole() == Role.DONOR) {
			throw new AccessDeniedException("The portfolio is for programme officers, coordinators and administrators.");
		}
		Instant now = clock.instant();
		LocalDate asOf = LocalDate.ofInstant(now, ZoneOffset.UTC);
		MonthRates month = new MonthRates(asOf);

		PortfolioFigures.Lines lines = figures.lines(office, APPROVED);
		List<StatusSum> statusSums = lines.byStatus();
		Map<ProgrammeStatus, Sums> perStatus = new TreeMap<>();
		Set<String> withoutRate = new TreeSet<>();
		long programmes = 0;
		for (StatusSum sum : statusSums) {
			programmes += sum.programmes();
			if (month.of(sum.currency()) == null) {
				withoutRate.add(sum.currency());
			}
			perStatus.computeIfAbsent(sum.status(), s -> new Sums())
				.add(sum.programmes(), month.toUsd(sum.budget(), sum.currency()), sum.committedUsd(), sum.receivedUsd());
		}
		List<StatusLine> byStatus = perStatus.entrySet()
			.stream()
			.map(e -> new StatusLine(e.getKey(), e.getValue().programmes, e.getValue().first, e.getValue().second,
					e.getValue().third))
			.toList();

		Map<String, String> standardTitles = standards.all()
			.stream()
			.collect(Collectors.toMap(Standard::code, Standard::title, (a, b) -> a));
		List<ThemeLine> byStandard = themes(lines.byStandard(), month, code -> standardTitles.getOrDefault(code, code));
		List<ThemeLine> byCountry = themes(lines.byCountry(), month, CountryNames::name);

		Portfolio.Gaps gaps = gaps(office, month, limit);

		List<ReportView> due = reports.overdue();
		Map<Long, Figures> reported = figures.of(due.stream().map(ReportView::programmeId).toList(), office);
		List<ReportView> late = due.stream().filter(r -> reported.containsKey(r.programmeId())).toList();
		Portfolio.Overdue overdue = new Portfolio.Overdue(late.size(), late.stream().limit(limit).map(r -> {
			Figures row = reported.get(r.programmeId());
			return new OverdueReport(r.id(), r.programmeId(), row.title(), row.office(), r.kind(), r.periodFrom(),
					r.periodTo(), r.dueAt(), Duration.between(r.dueAt(), now).toDays(), r.escalatedAt() != null);
		}).toList());

		// only the approved programmes of the office that have indicators at all, not every approved one
		Map<Long, Figures> measured = figures.of(results.withIndicators(), office);
		measured.values().removeIf(row -> !APPROVED.contains(row.status()));
		List<OffTrackIndicator> behind = measured.isEmpty() ? List.of()
				: results.offTrack(measured.keySet().stream().sorted().toList());
		Portfolio.OffTrack offTrack = new Portfolio.OffTrack(behind.size(), behind.stream().limit(limit).map(i -> {
			Figures row = measured.get(i.programmeId());
			return new Portfolio.OffTrackIndicator(i.programmeId(), row.title(), row.office(), i.indicatorId(),
					i.indicatorTitle(), i.periodEnd(), i.target(), i.actual());
		}).toList());

		return new Portfolio(office, asOf, programmes, byStatus, byStandard, byCountry, lines.themesAsOf(),
				lines.themesLate(), gaps, overdue, offTrack,
				List.copyOf(withoutRate));
	}

	/** The smallest amount, to the cent and above zero, that is {@code usd} at the rate (half to even). */
	static BigDecimal leastRoundingTo(BigDecimal usd, BigDecimal unitsPerUsd) {
		BigDecimal least = usd.subtract(new BigDecimal("0.005")).multiply(unitsPerUsd).setScale(2, RoundingMode.CEILING)
			.max(CENT);
		while (Currencies.toUsd(least, unitsPerUsd).compareTo(usd) < 0) {
			least = least.add(CENT);
		}
		while (least.compareTo(CENT) > 0 && Currencies.toUsd(least.subtract(CENT), unitsPerUsd).compareTo(usd) == 0) {
			least = least.subtract(CENT);
		}
		return least;
	}

	/** The approved programmes per code of a theme (standards or countries), by code, in dollars. */
	private static List<ThemeLine> themes(List<ThemeSum> sums, MonthRates month, Function<String, String> name) {
		Map<String, Sums> perCode = new TreeMap<>();
		for (ThemeSum sum : sums) {
			perCode.computeIfAbsent(sum.code(), c -> new Sums())
				.add(sum.programmes(), month.toUsd(sum.budget(), sum.currency()), sum.committedUsd(),
						month.toUsd(sum.gap(), sum.currency()));
		}
		return perCode.entrySet()
			.stream()
			.map(e -> new ThemeLine(e.getKey(), name.apply(e.getKey()), e.getValue().programmes, e.getValue().first,
					e.getValue().second, e.getValue().third))
			.toList();
	}

	/**
	 * The programmes seeking funds with a gap: counted and summed per currency, and the largest {@code limit}
	 * gaps in dollars (then by id; those of a currency without a rate last) from the largest {@code limit} of
	 * each currency.
	 */
	private Portfolio.Gaps gaps(Office office, MonthRates month, int limit) {
		long total = 0;
		BigDecimal totalUsd = BigDecimal.ZERO.setScale(2);
		List<Figures> candidates = new ArrayList<>();
		for (GapSum sum : figures.gaps(office, SEEKING)) {
			total += sum.programmes();
			BigDecimal rate = month.of(sum.currency());
			if (rate == null) {
				// no dollar figure to order by: the nulls come last, in id order
				candidates.addAll(figures.gapsBetween(office, SEEKING, sum.currency(), null, null, limit));
				continue;
			}
			totalUsd = totalUsd.add(Currencies.toUsd(sum.gap(), rate));
			List<Figures> largest = figures.largestGaps(office, SEEKING, sum.currency(), limit);
			candidates.addAll(largest);
			if (largest.size() == limit && rate.compareTo(BigDecimal.ONE) > 0) {
				// where a cent of the currency is worth less than a dollar cent, smaller gaps than the last one
				// may round to the same dollars and so come before it, or before gaps equal to it that the
				// limit cut off, by id: the first of every gap that rounds to its dollars, by id
				Figures last = largest.get(largest.size() - 1);
				BigDecimal lastUsd = Currencies.toUsd(last.gap(), rate);
				candidates.addAll(figures.gapsBetween(office, SEEKING, sum.currency(), leastRoundingTo(lastUsd, rate),
						last.gap(), limit));
			}
		}
		candidates = new ArrayList<>(candidates.stream()
			.collect(Collectors.toMap(Figures::id, Function.identity(), (a, b) -> a))
			.values());
		Comparator<Figures> order = Comparator
			.comparing((Figures row) -> month.toUsd(row.gap(), row.currency()),
					Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(Figures::id);
		return new Portfolio.Gaps(total, totalUsd, candidates.stream()
			.sorted(order)
			.limit(limit)
			.map(row -> new FundingGap(row.id(), row.title(), row.office(), row.status(), row.currency(), row.budget(),
					row.committed(), row.gap(), month.toUsd(row.gap(), row.currency()), row.fundingDeadlineAt()))
			.toList());
	}

}
