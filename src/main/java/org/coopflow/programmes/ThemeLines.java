package org.coopflow.programmes;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.coopflow.programmes.PortfolioFigures.StatusSum;
import org.coopflow.programmes.PortfolioFigures.Theme;
import org.coopflow.programmes.PortfolioFigures.ThemeSum;
import org.coopflow.reference.Office;
import org.springframework.stereotype.Component;

/**
 * The portfolio's lines per standard and per country as this node last summed them, each with the
 * {@link Fingerprint} of what they were summed from; they are summed again only when the fingerprint moved.
 * Joining some 78,000 approved programmes to their 210,000 standard and country rows and grouping them took
 * some 250 ms a theme on MariaDB at 100,000 programmes, most of the page (src/test/java/org/coopflow/web/bench),
 * while the fingerprint is read from indexes. The lines are exact, never late: a line can move only if its
 * fingerprint moved (what is not caught is written in docs/reporting.md). Each node keeps its own; amounts stay
 * in each currency, so this month's rates are applied by the caller on every request.
 * <p>
 * A handful of keys (an office or both, one set of statuses); two requests that sum at once both store
 * their lines, each with its own fingerprint, so the later store may only cost one more sum, never a wrong line.
 */
@Component
class ThemeLines {

	/** More keys than the portfolio ever asks for (three offices' choices, one set of statuses). */
	private static final int KEYS = 16;

	/** The lines of one office (both when null) over the programmes in the statuses. */
	private record Key(Office office, Set<ProgrammeStatus> statuses) {
	}

	/**
	 * What the theme lines are summed from, read on every request. The lines sum, per code and currency, the
	 * status, office, currency, budget, committed amount and committed dollars of programmes and their standard
	 * and country rows, so:
	 * <ul>
	 * <li>{@code live}: the office's programmes per status and currency (count, budgets, committed amounts and
	 * dollars, received dollars), which the page reads anyway: they move with any change of one programme's
	 * status, office, currency, budget or funding, even one made by hand in SQL;
	 * <li>{@code versions} ({@code SUM(version)}) and {@code lastProgramme} ({@code MAX(id)}) of all programmes:
	 * every write of the application to a programme bumps its version (but for the ledger's running sums, below),
	 * and its standards and countries change only with one ({@code ProgrammeRepository.update}); versions only
	 * grow, so the sum moves with every write;
	 * <li>{@code lastEntry}: the ledger's last id. Ledger entries change a programme's running sums without its
	 * version, and two of them may cancel out in {@code live}: a pledge moved from one programme to another of
	 * the same status and currency. Entries are only added, each with a new id. An entry may commit after one
	 * with a higher id was read; its change to a programme's sums still moves {@code live}, unless its own
	 * transaction cancels it in the same status and currency (coopflow writes no such transaction today);
	 * <li>{@code standardRows}, {@code countryRows}: the rows of the theme tables, for a row added or removed by
	 * hand.
	 * </ul>
	 */
	record Fingerprint(Set<StatusSum> live, long versions, long lastProgramme, long lastEntry, long standardRows,
			long countryRows) {

		Fingerprint {
			live = Set.copyOf(live);
		}

	}

	/** Both theme lines, as summed when the fingerprint was {@code from}. */
	record Summed(Fingerprint from, List<ThemeSum> byStandard, List<ThemeSum> byCountry) {
	}

	private final Map<Key, Summed> kept = new ConcurrentHashMap<>();

	private final AtomicLong summed = new AtomicLong();

	/**
	 * The lines of the office (both when null) over the programmes in the statuses: those kept if they were
	 * summed at {@code now}, else summed by {@code sum} and kept. {@code now} must be read before the sums, so that
	 * lines are never kept with a fingerprint newer than they are.
	 */
	Summed of(Office office, Collection<ProgrammeStatus> statuses, Fingerprint now,
			Function<Theme, List<ThemeSum>> sum) {
		Key key = new Key(office, Set.copyOf(statuses));
		Summed last = kept.get(key);
		if (last != null && last.from().equals(now)) {
			return last;
		}
		summed.incrementAndGet();
		Summed lines = new Summed(now, List.copyOf(sum.apply(Theme.STANDARD)), List.copyOf(sum.apply(Theme.COUNTRY)));
		if (kept.size() >= KEYS && !kept.containsKey(key)) {
			kept.clear();
		}
		kept.put(key, lines);
		return lines;
	}

	/** How many times the lines were summed since this node started: for tests that they are not summed in vain. */
	long sums() {
		return summed.get();
	}

}
