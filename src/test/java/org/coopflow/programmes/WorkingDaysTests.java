package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkingDaysTests {

	static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

	final WorkingDays workingDays = new WorkingDays(VIENNA);

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void oneWorkingDayAfterFridayIsMonday() {
		assertThat(workingDays.add(at(2026, 3, 6, 16), 1)).isEqualTo(at(2026, 3, 9, 16));
	}

	@Test
	void fiveWorkingDaysAfterWednesdayIsTheNextWednesday() {
		assertThat(workingDays.add(at(2026, 3, 4, 9), 5)).isEqualTo(at(2026, 3, 11, 9));
	}

	@Test
	void tenWorkingDaysAfterMondayAreTwoWeeksLater() {
		assertThat(workingDays.add(at(2026, 3, 2, 9), 10)).isEqualTo(at(2026, 3, 16, 9));
	}

	@Test
	void fromAWeekendTheFirstWorkingDayIsMonday() {
		assertThat(workingDays.add(at(2026, 3, 7, 10), 1)).isEqualTo(at(2026, 3, 9, 10));
		assertThat(workingDays.add(at(2026, 3, 8, 10), 1)).isEqualTo(at(2026, 3, 9, 10));
	}

	@Test
	void keepsTheTimeOfDayAcrossTheChangeToSummerTime() {
		// Europe moves its clocks on Sunday 29 March 2026
		assertThat(workingDays.add(at(2026, 3, 27, 9), 1)).isEqualTo(at(2026, 3, 30, 9));
	}

	@Test
	void zeroWorkingDaysIsNow() {
		assertThat(workingDays.add(at(2026, 3, 7, 10), 0)).isEqualTo(at(2026, 3, 7, 10));
	}

	@Test
	void refusesNegativeDays() {
		assertThatThrownBy(() -> workingDays.add(at(2026, 3, 2, 9), -1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void countsFromTheEnginesClock() {
		ClockUtil.setCurrentTime(Date.from(at(2026, 3, 6, 16).toInstant()));

		assertThat(workingDays.after(1)).isEqualTo(Date.from(at(2026, 3, 9, 16).toInstant()));
	}

	@Test
	void weekendsAreNotWorkingDays() {
		assertThat(workingDays.isWorkingDay(at(2026, 3, 6, 12))).isTrue();
		assertThat(workingDays.isWorkingDay(at(2026, 3, 7, 12))).isFalse();
		assertThat(workingDays.isWorkingDay(at(2026, 3, 8, 12))).isFalse();
	}

	private static ZonedDateTime at(int year, int month, int day, int hour) {
		return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, VIENNA);
	}

}
