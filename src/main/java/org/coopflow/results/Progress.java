package org.coopflow.results;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The rule that judges a period against its target. A period is due once its last day is before today.
 * An ended period with a numeric actual is off track when the actual is behind its target by more than a
 * tenth of the distance from the baseline to the target: below it for an ascending indicator, above it for
 * a descending one. Without a baseline (or with a baseline equal to the target) any shortfall counts.
 */
final class Progress {

	/** The share of the distance from baseline to target that an actual may fall short by. */
	static final BigDecimal TOLERANCE = new BigDecimal("0.1");

	private Progress() {
	}

	static boolean ended(LocalDate periodEnd, LocalDate today) {
		return periodEnd.isBefore(today);
	}

	static Assessment assess(Measure measure, boolean ascending, BigDecimal baseline, LocalDate periodEnd,
			BigDecimal target, BigDecimal actual, String actualText, String missingReason, LocalDate today) {
		if (!ended(periodEnd, today)) {
			return Assessment.NOT_DUE;
		}
		if (actual == null && actualText == null) {
			return missingReason == null ? Assessment.MISSING : Assessment.NOT_MEASURED;
		}
		if (measure.isQualitative() || target == null || actual == null) {
			return Assessment.NOT_ASSESSED;
		}
		BigDecimal slack = baseline == null ? BigDecimal.ZERO : target.subtract(baseline).abs().multiply(TOLERANCE);
		boolean behind = ascending ? actual.compareTo(target.subtract(slack)) < 0 : actual.compareTo(target.add(slack)) > 0;
		return behind ? Assessment.OFF_TRACK : Assessment.ON_TRACK;
	}

}
