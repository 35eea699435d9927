package org.coopflow;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keeps test programmes apart in time. Every test shares one portfolio, and overlap screening
 * compares each submitted proposal with all of it; a test that is not about overlaps gives its
 * programme a planning period no other test's programme touches, so no alert changes its course.
 */
public final class TestPortfolio {

	private static final AtomicInteger next = new AtomicInteger();

	private static final LocalDate FIRST = LocalDate.of(2300, 1, 1);

	private TestPortfolio() {
	}

	/** Sets plannedStart and plannedEnd to 60 days of their own, 100 days from anyone else's. */
	public static ObjectNode apart(ObjectNode draft) {
		LocalDate[] period = period();
		draft.put("plannedStart", period[0].toString());
		draft.put("plannedEnd", period[1].toString());
		return draft;
	}

	/** A start and end no other test's programme comes near. */
	public static LocalDate[] period() {
		LocalDate start = FIRST.plusDays(100L * next.getAndIncrement());
		return new LocalDate[] { start, start.plusDays(60) };
	}

}
