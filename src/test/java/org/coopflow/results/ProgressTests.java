package org.coopflow.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ProgressTests {

	private static final LocalDate END = LocalDate.of(2027, 6, 30);

	private static final LocalDate AFTER = END.plusDays(1);

	private static Assessment ascending(String baseline, String target, String actual) {
		return Progress.assess(Measure.UNIT, true, baseline == null ? null : new BigDecimal(baseline), END,
				new BigDecimal(target), new BigDecimal(actual), null, null, AFTER);
	}

	@Test
	void anAscendingActualMayFallShortOfItsTargetByATenthOfTheWayFromTheBaseline() {
		assertThat(ascending("10", "20", "19")).isEqualTo(Assessment.ON_TRACK);
		assertThat(ascending("10", "20", "18.99")).isEqualTo(Assessment.OFF_TRACK);
		assertThat(ascending("10", "20", "25")).isEqualTo(Assessment.ON_TRACK);
		assertThat(ascending(null, "20", "19.9")).as("without a baseline any shortfall counts").isEqualTo(Assessment.OFF_TRACK);
	}

	@Test
	void aDescendingActualIsBehindWhenItIsAboveItsTarget() {
		BigDecimal baseline = new BigDecimal("40");
		BigDecimal target = new BigDecimal("20");
		assertThat(Progress.assess(Measure.PERCENTAGE, false, baseline, END, target, new BigDecimal("22"), null, null, AFTER))
			.isEqualTo(Assessment.ON_TRACK);
		assertThat(Progress.assess(Measure.PERCENTAGE, false, baseline, END, target, new BigDecimal("22.5"), null, null, AFTER))
			.isEqualTo(Assessment.OFF_TRACK);
	}

	@Test
	void aPeriodIsDueTheDayAfterItsLastDayAndThenWaitsForAnActualOrAReason() {
		assertThat(Progress.assess(Measure.UNIT, true, null, END, BigDecimal.TEN, null, null, null, END))
			.isEqualTo(Assessment.NOT_DUE);
		assertThat(Progress.assess(Measure.UNIT, true, null, END, BigDecimal.TEN, null, null, null, AFTER))
			.isEqualTo(Assessment.MISSING);
		assertThat(Progress.assess(Measure.UNIT, true, null, END, BigDecimal.TEN, null, null, "floods", AFTER))
			.isEqualTo(Assessment.NOT_MEASURED);
		assertThat(Progress.assess(Measure.QUALITATIVE, true, null, END, null, null, "cited", null, AFTER))
			.isEqualTo(Assessment.NOT_ASSESSED);
	}

}
