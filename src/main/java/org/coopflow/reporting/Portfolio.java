package org.coopflow.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.coopflow.activities.ReportKind;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.reference.Office;

/**
 * The officers' view of the portfolio, of one office or both ({@code office} null). Budgets are converted
 * to US dollars at the UN operational rate of the month of {@code asOf}; committed and received funds at
 * the rates their pledges used. A programme whose currency has no rate that month counts in the numbers of
 * programmes but not in the dollar sums, and its currency is listed in {@code currenciesWithoutRate}.
 * <p>
 * The lines per standard and per country were summed at {@code themeLinesAsOf}. On a large portfolio they are
 * {@code themeLinesLate} for a moment after a programme or its funding changed: they are being summed again,
 * and the next request shows them up to date. Every other figure is read on each request.
 */
public record Portfolio(Office office, LocalDate asOf, long programmes, List<StatusLine> byStatus,
		List<ThemeLine> byStandard, List<ThemeLine> byCountry, Instant themeLinesAsOf, boolean themeLinesLate,
		Gaps fundingGaps, Overdue overdueReports,
		OffTrack offTrackIndicators, List<String> currenciesWithoutRate) {

	public record StatusLine(ProgrammeStatus status, long programmes, BigDecimal budgetUsd, BigDecimal committedUsd,
			BigDecimal receivedUsd) {
	}

	/**
	 * A standard or a country, over the approved programmes (open for funding, partially funded, funded,
	 * closed): how many, their budgets, what is committed and the gap still to fund.
	 */
	public record ThemeLine(String code, String name, long programmes, BigDecimal budgetUsd, BigDecimal committedUsd,
			BigDecimal gapUsd) {
	}

	/** Programmes seeking funds with a gap, largest gap in USD first; {@code total} counts them all. */
	public record Gaps(long total, BigDecimal totalGapUsd, List<FundingGap> largest) {
	}

	public record FundingGap(long programmeId, String title, Office office, ProgrammeStatus status, String currency,
			BigDecimal budget, BigDecimal committed, BigDecimal gap, BigDecimal gapUsd, Instant fundingDeadlineAt) {
	}

	/** Reports still due after their due date (engine clock), longest overdue first. */
	public record Overdue(long total, List<OverdueReport> oldest) {
	}

	/**
	 * Indicators of approved programmes whose latest judged period is off track (the results framework's
	 * rule: behind the target by more than a tenth of the distance from baseline to target), in programme order.
	 */
	public record OffTrack(long total, List<OffTrackIndicator> first) {
	}

	public record OffTrackIndicator(long programmeId, String title, Office office, long indicatorId, String indicator,
			LocalDate periodEnd, BigDecimal target, BigDecimal actual) {
	}

	public record OverdueReport(long reportId, long programmeId, String title, Office office, ReportKind kind,
			LocalDate periodFrom, LocalDate periodTo, Instant dueAt, long daysOverdue, boolean escalated) {
	}

}
