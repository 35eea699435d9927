package org.coopflow.programmes;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.coopflow.shared.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts working days for the reminder timers of the funding proposal process
 * ({@code ${workingDays.after(5)}}). Working days are Monday to Friday; public holidays are not known
 * yet (the offices' holiday calendars are not in the reference data), so a reminder can fall on one.
 * "Now" is the engine's clock, which tests move.
 */
@org.springframework.modulith.NamedInterface("api")
@Component("workingDays")
public class WorkingDays {

	private final ZoneId zone;

	private final Clock clock;

	/** Both offices (Vienna and Geneva) keep Central European time, where their weekends begin and end. */
	@Autowired
	WorkingDays(@Value("${coopflow.working-days.zone:Europe/Vienna}") ZoneId zone, Clock clock) {
		this.zone = zone;
		this.clock = clock;
	}

	/** Counts from the engine's clock, as the application does; for process tests that build their own. */
	public WorkingDays(ZoneId zone) {
		this(zone, EngineClock.UTC);
	}

	/** Where the working days begin and end. */
	public ZoneId zone() {
		return zone;
	}

	/** The engine's current time plus the given working days, at the same time of day. */
	public Date after(int workingDays) {
		ZonedDateTime now = clock.instant().atZone(zone);
		return Date.from(add(now, workingDays).toInstant());
	}

	/** Adds working days, keeping the time of day; from a weekend the first working day is the Monday. */
	public ZonedDateTime add(ZonedDateTime start, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("Cannot add a negative number of working days: " + workingDays);
		}
		ZonedDateTime day = start;
		int left = workingDays;
		while (left > 0) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		return day;
	}

	public boolean isWorkingDay(ZonedDateTime day) {
		DayOfWeek dayOfWeek = day.getDayOfWeek();
		return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
	}

}
