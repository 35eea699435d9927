package org.coopflow.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * coopflow's "now": the process engine's clock, in UTC unless asked otherwise. The engine's timers, due
 * dates and task dates are read from Camunda's {@link ClockUtil}; a date coopflow stores or compares
 * with them must come from the same clock, or a process test (or the demo loader) that moves the
 * engine's clock would find "today" in two places. In production the two are the system clock.
 */
public final class EngineClock extends Clock {

	/** The clock every module is given as its {@link Clock} bean. */
	public static final EngineClock UTC = new EngineClock(ZoneOffset.UTC);

	private final ZoneId zone;

	private EngineClock(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public Instant instant() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	@Override
	public long millis() {
		return ClockUtil.getCurrentTime().getTime();
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(this.zone) ? this : new EngineClock(zone);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EngineClock clock && clock.zone.equals(zone);
	}

	@Override
	public int hashCode() {
		return zone.hashCode() + 1;
	}

	@Override
	public String toString() {
		return "EngineClock[" + zone + "]";
	}

}
