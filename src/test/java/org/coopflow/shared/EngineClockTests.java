package org.coopflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineClockTests {

	static final Instant MOVED = Instant.parse("2031-03-14T09:30:00Z");

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void followsTheEngineClockWhenATestMovesIt() {
		ClockUtil.setCurrentTime(Date.from(MOVED));
		assertThat(EngineClock.UTC.instant()).isEqualTo(MOVED);
		assertThat(EngineClock.UTC.millis()).isEqualTo(MOVED.toEpochMilli());
		assertThat(LocalDate.now(EngineClock.UTC)).isEqualTo(LocalDate.of(2031, 3, 14));
	}

	@Test
	void isTheSystemClockWhenNobodyMovesIt() {
		// the engine's clock is a java.util.Date, to the millisecond
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Instant now = EngineClock.UTC.instant();
		assertThat(now).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
	}

	@Test
	void isInUtcAndKeepsFollowingTheEngineInAnotherZone() {
		assertThat(EngineClock.UTC.getZone()).isEqualTo(ZoneOffset.UTC);
		Clock vienna = EngineClock.UTC.withZone(ZoneId.of("Europe/Vienna"));
		assertThat(vienna.getZone()).isEqualTo(ZoneId.of("Europe/Vienna"));
		assertThat(vienna).isNotEqualTo(EngineClock.UTC).isEqualTo(EngineClock.UTC.withZone(ZoneId.of("Europe/Vienna")));
		assertThat(EngineClock.UTC.withZone(ZoneOffset.UTC)).isSameAs(EngineClock.UTC);
		ClockUtil.setCurrentTime(Date.from(MOVED));
		assertThat(vienna.instant()).isEqualTo(MOVED);
	}

}
