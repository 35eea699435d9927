package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.coopflow.programmes.PortfolioFigures.StatusSum;
import org.coopflow.programmes.PortfolioFigures.Theme;
import org.coopflow.programmes.PortfolioFigures.ThemeSum;
import org.coopflow.reference.Office;
import org.junit.jupiter.api.Test;

/**
 * The keeping of the theme lines alone, with a stand-in for the database's sums: what is summed when, per
 * office and set of statuses, and on a large portfolio what a reader gets while they are summed again in the
 * background. That every write moves the fingerprint is {@link PortfolioThemeLinesTests}'s.
 */
class ThemeLinesTests {

	/** The sums started in the background, run when a test says so. */
	private final Deque<Runnable> background = new ArrayDeque<>();

	/** How long after being started each of them was to run. */
	private final List<Duration> delays = new ArrayList<>();

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:42:05Z"), ZoneOffset.UTC);

	private static final Duration PAUSE = Duration.ofSeconds(10);

	private final ThemeLines.Background later = (sum, after) -> {
		background.add(sum);
		delays.add(after);
	};

	/** Every portfolio is small: a reader always waits for the sum. */
	private final ThemeLines lines = new ThemeLines(Long.MAX_VALUE, PAUSE, later, clock);

	/** Every portfolio of one programme or more is large: readers after a write get the lines late. */
	private final ThemeLines large = new ThemeLines(1, PAUSE, later, clock);

	/** The fingerprint a background sum reads when it runs. */
	private long versionsWhenSummed;

	private final List<String> summed = new ArrayList<>();

	private static final Set<ProgrammeStatus> OPEN = EnumSet.of(ProgrammeStatus.OPEN_FOR_FUNDING);

	private static ThemeLines.Fingerprint fingerprint(long versions) {
		StatusSum open = new StatusSum(ProgrammeStatus.OPEN_FOR_FUNDING, "USD", 1, money("100"), money("0"), money("0"),
				money("0"));
		return new ThemeLines.Fingerprint(Set.of(open), versions, 1, 0, 1, 1);
	}

	private static BigDecimal money(String amount) {
		return new BigDecimal(amount).setScale(2);
	}

	private ThemeLines.Summed read(Office office, Set<ProgrammeStatus> statuses, long versions) {
		ThemeLines.Read read = read(lines, office, statuses, versions);
		assertThat(read.late()).as("a small portfolio's lines are never late").isFalse();
		return read.lines();
	}

	private ThemeLines.Read read(ThemeLines themeLines, Office office, Set<ProgrammeStatus> statuses, long versions) {
		versionsWhenSummed = versions;
		return themeLines.of(office, statuses, fingerprint(versions), () -> fingerprint(versionsWhenSummed), theme -> {
			summed.add(office + " " + theme);
			return List.of(new ThemeSum(theme.name(), "USD", versionsWhenSummed, money("100"), money("0"), money("100")));
		});
	}

	private static long programmes(ThemeLines.Read read) {
		return read.lines().byStandard().get(0).programmes();
	}

	@Test
	void aLargePortfolioGetsItsLinesMarkedLateWhileOneSumRunsInTheBackground() {
		ThemeLines.Read first = read(large, Office.CPCJD, OPEN, 7);
		assertThat(first.late()).as("nothing kept yet: the first reader waits").isFalse();
		assertThat(programmes(first)).isEqualTo(7);
		assertThat(first.lines().asOf()).isEqualTo(clock.instant());
		assertThat(background).isEmpty();

		ThemeLines.Read afterWrite = read(large, Office.CPCJD, OPEN, 8);
		assertThat(afterWrite.late()).as("summed before the write").isTrue();
		assertThat(afterWrite.lines()).isSameAs(first.lines());
		ThemeLines.Read again = read(large, Office.CPCJD, OPEN, 9);
		assertThat(again.late()).isTrue();
		assertThat(background).as("one sum at a time per key").hasSize(1);
		assertThat(large.sums()).isEqualTo(1);

		assertThat(delays).as("the first sum in the background starts at once").containsExactly(Duration.ZERO);

		// the sum reads what is written when it runs, not when it was started
		versionsWhenSummed = 8;
		background.poll().run();
		assertThat(large.sums()).isEqualTo(2);
		ThemeLines.Read summedAt8 = read(large, Office.CPCJD, OPEN, 8);
		assertThat(summedAt8.late()).isFalse();
		assertThat(programmes(summedAt8)).isEqualTo(8);

		ThemeLines.Read at9 = read(large, Office.CPCJD, OPEN, 9);
		assertThat(at9.late()).as("written again: late once more, and summed again").isTrue();
		assertThat(programmes(at9)).isEqualTo(8);
		assertThat(delays).as("the next sum waits for the pause since the last one ended").containsExactly(Duration.ZERO,
				PAUSE);
		background.poll().run();
		assertThat(read(large, Office.CPCJD, OPEN, 9)).satisfies(read -> {
			assertThat(read.late()).isFalse();
			assertThat(programmes(read)).isEqualTo(9);
		});
		assertThat(background).isEmpty();
	}

	@Test
	void aSumThatFailsInTheBackgroundLeavesTheLinesLateAndTheNextReaderTriesAgain() {
		read(large, Office.OHCHR, OPEN, 1);
		Function<Theme, List<ThemeSum>> failing = theme -> {
			throw new IllegalStateException("the database is away");
		};
		assertThat(large.of(Office.OHCHR, OPEN, fingerprint(2), () -> fingerprint(2), failing).late()).isTrue();
		background.poll().run();
		ThemeLines.Read next = read(large, Office.OHCHR, OPEN, 2);
		assertThat(next.late()).isTrue();
		assertThat(programmes(next)).isEqualTo(1);
		background.poll().run();
		assertThat(programmes(read(large, Office.OHCHR, OPEN, 2))).isEqualTo(2);
	}

	@Test
	void linesAreSummedOncePerFingerprintAndKeptApartPerOfficeAndStatuses() {
		ThemeLines.Summed first = read(Office.CPCJD, OPEN, 7);
		read(null, OPEN, 7);
		read(Office.CPCJD, EnumSet.of(ProgrammeStatus.FUNDED), 7);
		assertThat(read(Office.CPCJD, OPEN, 7)).isSameAs(first);
		assertThat(read(null, OPEN, 7).byStandard()).isNotEmpty();
		assertThat(summed).containsExactly("CPCJD STANDARD", "CPCJD COUNTRY", "null STANDARD", "null COUNTRY",
				"CPCJD STANDARD", "CPCJD COUNTRY");
		assertThat(lines.sums()).isEqualTo(3);

		ThemeLines.Summed moved = read(Office.CPCJD, OPEN, 8);
		assertThat(moved.byCountry()).containsExactly(
				new ThemeSum(Theme.COUNTRY.name(), "USD", 8, money("100"), money("0"), money("100")));
		assertThat(lines.sums()).isEqualTo(4);
	}

	@Test
	void everyKeyIsRightEvenBeyondTheHandfulKept() {
		List<Set<ProgrammeStatus>> keys = new ArrayList<>();
		for (ProgrammeStatus status : ProgrammeStatus.values()) {
			keys.add(EnumSet.of(status));
			keys.add(EnumSet.of(status, ProgrammeStatus.CLOSED));
		}
		assertThat(keys.size()).isGreaterThan(16);
		for (Set<ProgrammeStatus> key : keys) {
			read(Office.OHCHR, key, 1);
		}
		for (Set<ProgrammeStatus> key : keys) {
			assertThat(read(Office.OHCHR, key, 2).byStandard().get(0).programmes()).as("summed at the fingerprint asked")
				.isEqualTo(2);
		}
	}

}
