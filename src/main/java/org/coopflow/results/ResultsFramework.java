package org.coopflow.results;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads programmes' results: for people, with the access rules of {@link ResultAccess}; for other modules
 * (the implementation's report gate, reporting, IATI publishing), without a signed-in user, as each has
 * already decided who reads it. Every assessment is as of the engine's today.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class ResultsFramework {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final ResultRepository results;

	private final ResultAccess access;

	private final Clock clock;

	ResultsFramework(ResultRepository results, ResultAccess access, Clock clock) {
		this.results = results;
		this.access = access;
		this.clock = clock;
	}

	/** The programme's results, indicators, baselines, targets and actuals, when the user may read them. */
	public List<ResultView> of(CoopflowUser user, long programmeId) {
		access.readable(user, programmeId);
		return results.ofProgramme(programmeId, today());
	}

	public ResultView result(CoopflowUser user, long programmeId, long resultId) {
		return of(user, programmeId).stream()
			.filter(result -> result.id() == resultId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Result " + resultId + " of programme " + programmeId + " does not exist."));
	}

	public IndicatorView indicator(CoopflowUser user, long programmeId, long resultId, long indicatorId) {
		access.readable(user, programmeId);
		return access.indicator(programmeId, resultId, indicatorId, today());
	}

	/** Every change made to the programme's results after approval, with its reason; staff only. */
	public List<RevisionView> revisions(CoopflowUser user, long programmeId) {
		access.readable(user, programmeId);
		if (user.getRole() == Role.DONOR) {
			throw new AccessDeniedException("Donors do not see the internal history of programmes");
		}
		return results.revisions(programmeId);
	}

	/**
	 * The programme's results, indicators (with baseline and IATI measure code), targets and actuals per
	 * period, in the order they were entered; an empty list when it has none.
	 */
	public List<ResultView> of(long programmeId) {
		return results.ofProgramme(programmeId, today());
	}

	/** When anything of the programme's results last changed (an actual, a target, a revision); null when none. */
	public java.time.Instant changedAt(long programmeId) {
		return results.changedAt(programmeId);
	}

	/** When anything of any programme's results last changed; null while there is none. */
	public java.time.Instant lastChange() {
		return results.lastChange();
	}

	/** Those of the programmes that have at least one result. */
	public java.util.Set<Long> withResults(java.util.Collection<Long> programmeIds) {
		return results.withResults(programmeIds);
	}

	/**
	 * The programmes that have at least one indicator: those {@link #offTrack} can find anything for, asked
	 * first so that the portfolio need not pass every approved programme (78,000 of 100,000) to it.
	 */
	public java.util.Set<Long> withIndicators() {
		return results.withIndicators();
	}

	public Optional<IndicatorView> indicator(long indicatorId) {
		return results.indicator(indicatorId, today());
	}

	/**
	 * What a progress or final report of the programme waits for: each period that has ended (its last
	 * day is before today) with neither an actual and its comment nor a reason why there is none, named as
	 * field {@code indicators/{id}}. Empty when every ended period is accounted for, or when the programme
	 * has no indicators at all.
	 */
	public List<InvalidField> actualsMissing(long programmeId) {
		List<InvalidField> missing = new ArrayList<>();
		for (ResultView result : results.ofProgramme(programmeId, today())) {
			for (IndicatorView indicator : result.indicators()) {
				for (PeriodView period : indicator.periods()) {
					if (period.assessment() == Assessment.MISSING) {
						missing.add(new InvalidField("indicators/" + indicator.id(), "\"" + indicator.title() + "\" (result \""
								+ result.title() + "\"): the period " + DAY.format(period.start()) + " to "
								+ DAY.format(period.end()) + " has ended without an actual; record its actual value with a "
								+ "comment, or the reason why it is missing"));
					}
				}
			}
		}
		return missing;
	}

	/**
	 * The indicators of the programmes whose latest assessed period is off track (see {@link Progress} for
	 * the rule), in programme order.
	 */
	public List<OffTrackIndicator> offTrack(List<Long> programmeIds) {
		List<OffTrackIndicator> offTrack = new ArrayList<>();
		for (IndicatorView indicator : results.indicatorsOfProgrammes(programmeIds, today())) {
			indicator.periods()
				.stream()
				.filter(period -> period.assessment() == Assessment.ON_TRACK || period.assessment() == Assessment.OFF_TRACK)
				.reduce((earlier, later) -> later)
				.filter(latest -> latest.assessment() == Assessment.OFF_TRACK)
				.ifPresent(latest -> offTrack.add(new OffTrackIndicator(indicator.programmeId(), indicator.resultId(),
						indicator.id(), indicator.title(), indicator.measure(), latest.end(), latest.targetValue(),
						latest.actualValue())));
		}
		return offTrack;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
