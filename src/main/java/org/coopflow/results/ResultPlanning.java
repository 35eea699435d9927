package org.coopflow.results;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.ReferenceCodes;
import org.coopflow.results.ResultRepository.NewIndicator;
import org.coopflow.results.ResultRepository.NewPeriod;
import org.coopflow.results.ResultRepository.NewResult;
import org.coopflow.results.ResultRepository.NewRevision;
import org.coopflow.security.CoopflowUser;
import org.coopflow.shared.InvalidField;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a programme promises to achieve: its results, their indicators, baselines, reporting periods and
 * targets. Before approval officers change them freely; from approval on what was agreed is frozen, and a
 * change needs a reason and is kept as a revision in the programme's history of results.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional
public class ResultPlanning {

	private final ResultRepository results;

	private final ResultAccess access;

	private final ResultChecks checks;

	private final ReferenceCodes codes;

	private final Clock clock;

	ResultPlanning(ResultRepository results, ResultAccess access, ResultChecks checks, ReferenceCodes codes, Clock clock) {
		this.results = results;
		this.access = access;
		this.checks = checks;
		this.codes = codes;
		this.clock = clock;
	}

	public ResultView addResult(CoopflowUser user, long programmeId, ResultRequest request) {
		ProgrammeView programme = access.writable(user, programmeId, "plan results");
		List<InvalidField> errors = checks.violations(request);
		List<String> standards = request.standards() == null ? List.of() : request.standards();
		ReferenceCodes.Snapshot known = codes.snapshot();
		for (int i = 0; i < standards.size(); i++) {
			if (standards.get(i) == null || !known.isStandard(standards.get(i))) {
				errors.add(new InvalidField("standards[" + i + "]", "is not a standard of the catalogue, e.g. SMR-PRISONERS"));
			}
		}
		String reason = reason(programme, request.reason(), "a result is added", errors);
		ResultChecks.throwIfAny(errors);
		Instant now = clock.instant();
		long id = results.insert(new NewResult(programmeId, request.type(), request.title().strip(),
				ResultChecks.strip(request.description()), standards.stream().distinct().sorted().toList(),
				user.getUsername(), now));
		revise(reason, new NewRevision(programmeId, id, null, null, "result added", null, request.title().strip(), reason,
				user.getUsername(), now));
		return results.ofProgramme(programmeId, today())
			.stream()
			.filter(result -> result.id() == id)
			.findFirst()
			.orElseThrow();
	}

	public IndicatorView addIndicator(CoopflowUser user, long programmeId, long resultId, IndicatorRequest request) {
		ProgrammeView programme = access.writable(user, programmeId, "plan results");
		access.requireResult(programmeId, resultId);
		List<InvalidField> errors = checks.violations(request);
		Measure measure = request.measure();
		Baseline baseline = request.baseline() == null || measure == null ? null
				: baseline(measure, request.baseline(), "baseline.", errors);
		List<PeriodRequest> periods = request.periods() == null ? List.of() : request.periods();
		if (measure != null) {
			for (int i = 0; i < periods.size(); i++) {
				if (periods.get(i) != null) {
					period(measure, periods.get(i), "periods[" + i + "].", errors);
				}
			}
		}
		overlaps(periods.stream().filter(p -> p != null && p.start() != null && p.end() != null).toList(), List.of(),
				"periods", errors);
		String reason = reason(programme, request.reason(), "an indicator is added", errors);
		ResultChecks.throwIfAny(errors);
		Instant now = clock.instant();
		long id = results.insert(new NewIndicator(resultId, programmeId, request.title().strip(),
				ResultChecks.strip(request.description()), measure, request.ascending() == null || request.ascending(),
				baseline, user.getUsername(), now));
		for (PeriodRequest period : periods) {
			results.insert(new NewPeriod(id, period.start(), period.end(), period.target(),
					ResultChecks.strip(period.targetText())));
		}
		revise(reason, new NewRevision(programmeId, resultId, id, null, "indicator added", null, request.title().strip(),
				reason, user.getUsername(), now));
		return results.indicator(id, today()).orElseThrow();
	}

	public IndicatorView changeBaseline(CoopflowUser user, long programmeId, long resultId, long indicatorId,
			Integer expectedVersion, BaselineRequest request) {
		ProgrammeView programme = access.writable(user, programmeId, "plan results");
		IndicatorView indicator = access.indicator(programmeId, resultId, indicatorId, today());
		List<InvalidField> errors = checks.violations(request);
		Baseline baseline = baseline(indicator.measure(), request, "", errors);
		String reason = reason(programme, request.reason(), "the baseline changes", errors);
		ResultChecks.throwIfAny(errors);
		Instant now = touch(indicator, expectedVersion, user, now());
		results.updateBaseline(indicatorId, baseline);
		revise(reason, new NewRevision(programmeId, resultId, indicatorId, null, "baseline", describe(indicator.baseline()),
				describe(baseline), reason, user.getUsername(), now));
		return results.indicator(indicatorId, today()).orElseThrow();
	}

	public IndicatorView addPeriod(CoopflowUser user, long programmeId, long resultId, long indicatorId,
			PeriodRequest request) {
		ProgrammeView programme = access.writable(user, programmeId, "plan results");
		IndicatorView indicator = access.indicator(programmeId, resultId, indicatorId, today());
		List<InvalidField> errors = checks.violations(request);
		period(indicator.measure(), request, "", errors);
		if (request.start() != null && request.end() != null) {
			overlaps(List.of(request), indicator.periods(), "start", errors);
		}
		String reason = reason(programme, request.reason(), "a period is added", errors);
		ResultChecks.throwIfAny(errors);
		Instant now = touch(indicator, null, user, now());
		long id = results.insert(new NewPeriod(indicatorId, request.start(), request.end(), request.target(),
				ResultChecks.strip(request.targetText())));
		revise(reason, new NewRevision(programmeId, resultId, indicatorId, id, "period added", null,
				request.start() + " to " + request.end() + ": target " + describe(request.target(), request.targetText()),
				reason, user.getUsername(), now));
		return results.indicator(indicatorId, today()).orElseThrow();
	}

	public IndicatorView changeTarget(CoopflowUser user, long programmeId, long resultId, long indicatorId, long periodId,
			Integer expectedVersion, TargetRequest request) {
		ProgrammeView programme = access.writable(user, programmeId, "plan results");
		IndicatorView indicator = access.indicator(programmeId, resultId, indicatorId, today());
		PeriodView period = ResultAccess.period(indicator, periodId);
		List<InvalidField> errors = checks.violations(request);
		ResultChecks.value(indicator.measure(), request.value(), request.text(), "value", "text", true, errors);
		String reason = reason(programme, request.reason(), "a target changes", errors);
		ResultChecks.throwIfAny(errors);
		Instant now = touch(indicator, expectedVersion, user, now());
		String text = ResultChecks.strip(request.text());
		results.updateTarget(periodId, request.value(), text);
		revise(reason, new NewRevision(programmeId, resultId, indicatorId, periodId, "target",
				describe(period.targetValue(), period.targetText()), describe(request.value(), text), reason,
				user.getUsername(), now));
		return results.indicator(indicatorId, today()).orElseThrow();
	}

	// --- rules -----------------------------------------------------------------------------------------

	/**
	 * The reason for a change after approval, required then; null before approval, when changes are free
	 * and no revision is kept.
	 */
	private static String reason(ProgrammeView programme, String reason, String what, List<InvalidField> errors) {
		if (Phase.of(programme.status()) != Phase.APPROVED) {
			return null;
		}
		if (ResultChecks.blank(reason)) {
			errors.add(new InvalidField("reason", "must say why " + what + ": the programme is "
					+ programme.status().label().toLowerCase(java.util.Locale.ROOT)
					+ ", so its agreed results change only as a revision with a reason"));
			return null;
		}
		return reason.strip();
	}

	private void revise(String reason, NewRevision revision) {
		if (reason != null) {
			results.insert(revision);
		}
	}

	private Instant touch(IndicatorView indicator, Integer expectedVersion, CoopflowUser user, Instant now) {
		results.touch(indicator, expectedVersion, user.getUsername(), now);
		return now;
	}

	static Baseline baseline(Measure measure, BaselineRequest request, String prefix, List<InvalidField> errors) {
		Integer year = request.year();
		if (year == null && request.date() != null) {
			year = request.date().getYear();
		}
		if (year == null) {
			errors.add(new InvalidField(prefix + "year", "must be given, or the baseline's date"));
		}
		else if (year < 1900 || year > 2200) {
			errors.add(new InvalidField(prefix + "year", "must be a year such as 2026"));
		}
		else if (request.date() != null && request.date().getYear() != year) {
			errors.add(new InvalidField(prefix + "date", "must fall in the baseline year " + year));
		}
		ResultChecks.value(measure, request.value(), request.text(), prefix + "value", prefix + "text", true, errors);
		return new Baseline(year, request.date(), request.value(), ResultChecks.strip(request.text()),
				ResultChecks.strip(request.comment()));
	}

	private static void period(Measure measure, PeriodRequest period, String prefix, List<InvalidField> errors) {
		if (period.start() != null && period.end() != null && period.end().isBefore(period.start())) {
			errors.add(new InvalidField(prefix + "end", "must not be before the start"));
		}
		ResultChecks.value(measure, period.target(), period.targetText(), prefix + "target", prefix + "targetText", true,
				errors);
	}

	/** Reporting periods of one indicator follow each other; two that overlap would count a day twice. */
	private static void overlaps(List<PeriodRequest> added, List<PeriodView> existing, String field,
			List<InvalidField> errors) {
		record Span(LocalDate start, LocalDate end) {
		}
		List<Span> spans = new ArrayList<>();
		existing.forEach(period -> spans.add(new Span(period.start(), period.end())));
		added.forEach(period -> spans.add(new Span(period.start(), period.end())));
		spans.sort(Comparator.comparing(Span::start));
		for (int i = 1; i < spans.size(); i++) {
			if (!spans.get(i).start().isAfter(spans.get(i - 1).end())) {
				errors.add(new InvalidField(field, "overlaps the period " + spans.get(i - 1).start() + " to "
						+ spans.get(i - 1).end() + "; an indicator's periods follow each other"));
				return;
			}
		}
	}

	private static String describe(Baseline baseline) {
		if (baseline == null) {
			return null;
		}
		String when = baseline.date() != null ? baseline.date().toString() : String.valueOf(baseline.year());
		return when + ": " + describe(baseline.value(), baseline.text())
				+ (baseline.comment() == null ? "" : " (" + baseline.comment() + ")");
	}

	private static String describe(BigDecimal value, String text) {
		return value != null ? value.stripTrailingZeros().toPlainString() : text;
	}

	private Instant now() {
		return clock.instant();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
