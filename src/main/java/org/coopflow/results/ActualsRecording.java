package org.coopflow.results;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.coopflow.results.ResultRepository.Actual;
import org.coopflow.security.CoopflowUser;
import org.coopflow.shared.InvalidField;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each reporting period achieved, as officers of the owning office record it: the actual with a
 * comment on what it rests on, or the reason why there is none. Progress and final reports wait for one
 * or the other for every period that has ended. A later entry replaces an earlier one, and says who made it.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional
public class ActualsRecording {

	private final ResultRepository results;

	private final ResultAccess access;

	private final ResultChecks checks;

	private final Clock clock;

	ActualsRecording(ResultRepository results, ResultAccess access, ResultChecks checks, Clock clock) {
		this.results = results;
		this.access = access;
		this.checks = checks;
		this.clock = clock;
	}

	public IndicatorView record(CoopflowUser user, long programmeId, long resultId, long indicatorId, long periodId,
			Integer expectedVersion, ActualRequest request) {
		access.writable(user, programmeId, "record actuals");
		LocalDate today = LocalDate.now(clock);
		IndicatorView indicator = access.indicator(programmeId, resultId, indicatorId, today);
		PeriodView period = ResultAccess.period(indicator, periodId);
		List<InvalidField> errors = checks.violations(request);
		String missingReason = ResultChecks.strip(request.missingReason());
		String comment = ResultChecks.strip(request.comment());
		String text = ResultChecks.strip(request.text());
		if (missingReason != null) {
			if (request.value() != null || text != null) {
				errors.add(new InvalidField("missingReason",
						"send either an actual with a comment or the reason why it is missing, not both"));
			}
		}
		else {
			if (request.value() == null && text == null) {
				errors.add(new InvalidField(indicator.measure().isQualitative() ? "text" : "value",
						"must say what the period achieved, or send missingReason: why there is no actual"));
			}
			ResultChecks.value(indicator.measure(), request.value(), request.text(), "value", "text", false, errors);
			if (comment == null) {
				errors.add(new InvalidField("comment", "must say what the actual rests on, e.g. the attendance lists"));
			}
		}
		if (period.start().isAfter(today)) {
			errors.add(new InvalidField("period", "starts on " + period.start() + "; its actual is recorded once it has begun"));
		}
		ResultChecks.throwIfAny(errors);
		Instant now = clock.instant();
		results.touch(indicator, expectedVersion, user.getUsername(), now);
		results.updateActual(periodId, missingReason != null ? new Actual(null, null, null, missingReason, user.getUsername(), now)
				: new Actual(request.value(), text, comment, null, user.getUsername(), now));
		return results.indicator(indicatorId, today).orElseThrow();
	}

}
