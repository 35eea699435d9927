package org.coopflow.programmes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.coopflow.programmes.PortfolioFigures.StatusSum;
import org.coopflow.programmes.PortfolioFigures.Theme;
import org.coopflow.programmes.PortfolioFigures.ThemeSum;
import org.coopflow.reference.Office;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The portfolio's lines per standard and per country as this node last summed them, each with the
 * {@link Fingerprint} of what they were summed from; they are summed again only when the fingerprint moved.
 * Joining some 78,000 approved programmes to their 210,000 standard and country rows and grouping them took
 * some 200 ms a theme on MariaDB at 100,000 programmes, most of the page (src/test/java/org/coopflow/web/bench),
 * while the fingerprint is read from indexes. Each node keeps its own; amounts stay in each currency, so this
 * month's rates are applied by the caller on every request.
 * <p>
 * Once the fingerprint moved, a reader of a portfolio under {@code coopflow.portfolio.background-sums-from}
 * programmes (20,000 by default: some 80 ms of summing on MariaDB) waits for the lines to be summed again, so
 * they are exact. A reader of a larger one does not wait the 0.4–0.8 s: it gets the lines last summed, marked
 * late with the time they were summed ({@link Read}), while one thread of this node sums them again; the next
 * reader after that gets them exact. A key is summed in the background at most once per
 * {@code coopflow.portfolio.background-sum-pause} (10 s by default): while writes keep coming, readers get lines
 * at most that pause and one sum late, and the database is not kept summing lines that a write moves again at
 * once; after a quiet moment, one sum late. Lines are never late without saying so. What a fingerprint does not
 * catch is written in docs/reporting.md.
 * <p>
 * A handful of keys (an office or both, one set of statuses); two sums of one key at once both store their
 * lines, each with its own fingerprint, so the later store may only cost one more sum, never a wrong line.
 */
@Component
class ThemeLines implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ThemeLines.class);

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

		/** The programmes of the portfolio read, in every status: what decides whether a reader waits for a sum. */
		long programmes() {
			return live.stream().mapToLong(StatusSum::programmes).sum();
		}

	}

	/** Both theme lines, as summed from {@code asOf} on, when the fingerprint was {@code from}. */
	record Summed(Fingerprint from, Instant asOf, List<ThemeSum> byStandard, List<ThemeSum> byCountry) {
	}

	/**
	 * The lines a reader gets: {@code late} when what they sum moved since, and they are being summed again in
	 * the background.
	 */
	record Read(Summed lines, boolean late) {
	}

	private final Map<Key, Summed> kept = new ConcurrentHashMap<>();

	/** Runs a sum in the background after a delay; tests pass one they run by hand. */
	interface Background {

		void run(Runnable sum, Duration after);

	}

	/** The keys being summed in the background, or waiting for it: one sum at a time per key. */
	private final Set<Key> summing = ConcurrentHashMap.newKeySet();

	/** When each key's last background sum ended. */
	private final Map<Key, Instant> ended = new ConcurrentHashMap<>();

	private final AtomicLong summed = new AtomicLong();

	private final long backgroundFrom;

	private final Duration pause;

	private final Background background;

	private final Clock clock;

	@Autowired
	ThemeLines(@Value("${coopflow.portfolio.background-sums-from:20000}") long backgroundFrom,
			@Value("${coopflow.portfolio.background-sum-pause:10s}") Duration pause, Clock clock) {
		this(backgroundFrom, pause, new OwnThread(), clock);
	}

	/** With what sums in the background. */
	ThemeLines(long backgroundFrom, Duration pause, Background background, Clock clock) {
		this.backgroundFrom = backgroundFrom;
		this.pause = pause;
		this.background = background;
		this.clock = clock;
	}

	/** The node's one thread for the sums in the background, stopped with the application. */
	private static final class OwnThread implements Background {

		private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "portfolio-theme-lines");
			thread.setDaemon(true);
			return thread;
		});

		@Override
		public void run(Runnable sum, Duration after) {
			thread.schedule(sum, after.toMillis(), TimeUnit.MILLISECONDS);
		}

	}

	/**
	 * The lines of the office (both when null) over the programmes in the statuses: those kept if they were
	 * summed at {@code now}; else, for a portfolio of fewer than {@code background-sums-from} programmes or
	 * when none are kept, summed by {@code sum} and kept; else those kept, marked late, while they are summed
	 * again in the background, from the {@code fingerprint} read then. A fingerprint must be read before the
	 * sums, so that lines are never kept with a fingerprint newer than they are. {@code fingerprint} and
	 * {@code sum} may run on another thread, outside the caller's transaction.
	 */
	Read of(Office office, Collection<ProgrammeStatus> statuses, Fingerprint now, Supplier<Fingerprint> fingerprint,
			Function<Theme, List<ThemeSum>> sum) {
		Key key = new Key(office, Set.copyOf(statuses));
		Summed last = kept.get(key);
		if (last != null && last.from().equals(now)) {
			return new Read(last, false);
		}
		if (last == null || now.programmes() < backgroundFrom) {
			return new Read(sum(key, now, sum), false);
		}
		if (summing.add(key)) {
			try {
				background.run(() -> {
					try {
						sum(key, fingerprint.get(), sum);
					}
					catch (RuntimeException e) {
						// the lines stay marked late, and the next reader starts another sum
						log.warn("The portfolio's lines per standard and per country could not be summed again", e);
					}
					finally {
						ended.put(key, clock.instant());
						summing.remove(key);
					}
				}, untilPaused(key));
			}
			catch (RejectedExecutionException e) {
				// shutting down: sum for this reader, as for a small portfolio
				summing.remove(key);
				return new Read(sum(key, now, sum), false);
			}
		}
		return new Read(last, true);
	}

	/** What is left of the pause since the key's last background sum (never more than the pause). */
	private Duration untilPaused(Key key) {
		Instant last = ended.get(key);
		if (last == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(clock.instant(), last.plus(pause));
		return left.isNegative() ? Duration.ZERO : left.compareTo(pause) > 0 ? pause : left;
	}

	private Summed sum(Key key, Fingerprint now, Function<Theme, List<ThemeSum>> sum) {
		summed.incrementAndGet();
		Instant asOf = clock.instant();
		Summed lines = new Summed(now, asOf, List.copyOf(sum.apply(Theme.STANDARD)), List.copyOf(sum.apply(Theme.COUNTRY)));
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

	@Override
	public void destroy() {
		if (background instanceof OwnThread own) {
			own.thread.shutdownNow();
		}
	}

}
