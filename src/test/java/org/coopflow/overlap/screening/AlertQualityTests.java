package org.coopflow.overlap.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the screening with its default settings on the labelled pairs
 * ({@code src/test/resources/overlap/}); the figures are recorded in the benchmark README. The weights
 * were chosen on the {@code dev} clusters only; {@code test} is the held-out half.
 */
class AlertQualityTests {

	private final LabelledSet set = LabelledSet.load();

	private final ScreeningIndex index = new ScreeningIndex(ScreeningSettings.defaults());

	@Test
	void findsTheOverlapsAndLeavesTheRestQuiet() {
		set.programmes().values().forEach(index::add);
		Quality all = quality(pair -> true, true);
		Quality dev = quality(pair -> pair.split().equals("dev"), false);
		Quality test = quality(pair -> pair.split().equals("test"), false);
		System.out.printf(Locale.ROOT, "alert quality: %s%n", all.line("all"));
		System.out.printf(Locale.ROOT, "alert quality: %s%n", dev.line("dev"));
		System.out.printf(Locale.ROOT, "alert quality: %s%n", test.line("test (held out)"));
		for (String label : List.of("OVERLAP", "COMPLEMENTARY", "UNRELATED")) {
			Map<String, Long> severities = set.pairs().stream().filter(pair -> pair.label().equals(label))
				.map(pair -> index.explain(set.programmes().get(pair.a()), pair.b())
					.filter(c -> c.score() >= index.settings().alertThreshold())
					.map(c -> c.severity().name()).orElse("no alert"))
				.collect(Collectors.groupingBy(severity -> severity, TreeMap::new, Collectors.counting()));
			System.out.printf(Locale.ROOT, "alert quality: %s pairs: %s%n", label, severities);
		}
		assertThat(all.precision()).as("precision").isGreaterThanOrEqualTo(0.9);
		assertThat(all.recall()).as("recall").isGreaterThanOrEqualTo(0.9);
		assertThat(test.precision()).as("held-out precision").isGreaterThanOrEqualTo(0.9);
		assertThat(test.recall()).as("held-out recall").isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void labelledSetCoversWhatTheIssueAsksFor() {
		assertThat(set.pairs()).hasSizeGreaterThanOrEqualTo(200);
		assertThat(set.pairs()).extracting(LabelledSet.Pair::kind)
			.anyMatch(kind -> kind.startsWith("near miss: same country"))
			.anyMatch(kind -> kind.startsWith("near miss: same theme"))
			.anyMatch(kind -> kind.startsWith("other-language"))
			.anyMatch(kind -> kind.startsWith("paraphrased"))
			.anyMatch(kind -> kind.startsWith("same-office"))
			.anyMatch(kind -> kind.startsWith("complementary"));
	}

	private Quality quality(Predicate<LabelledSet.Pair> which, boolean verbose) {
		int tp = 0;
		int fp = 0;
		int fn = 0;
		int tn = 0;
		for (LabelledSet.Pair pair : set.pairs().stream().filter(which).toList()) {
			Optional<Candidate> scored = index.explain(set.programmes().get(pair.a()), pair.b());
			boolean alert = scored.map(c -> c.score() >= index.settings().alertThreshold()).orElse(false);
			if (alert != pair.shouldAlert()) {
				if (verbose) {
				System.out.printf(Locale.ROOT, "alert quality: %s %d-%d %s (%s): %s%n", alert ? "FALSE ALERT" : "MISSED",
						pair.a(), pair.b(), pair.label(), pair.kind(),
						scored.map(c -> String.format(Locale.ROOT, "%.3f %s", c.score(), c.signals())).orElse("not a candidate"));
				}
			}
			if (alert && pair.shouldAlert()) {
				tp++;
			}
			else if (alert) {
				fp++;
			}
			else if (pair.shouldAlert()) {
				fn++;
			}
			else {
				tn++;
			}
		}
		return new Quality(tp, fp, fn, tn);
	}

	record Quality(int tp, int fp, int fn, int tn) {

		double precision() {
			return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
		}

		double recall() {
			return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
		}

		String line(String name) {
			return String.format(Locale.ROOT, "%s: %d pairs, precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)", name,
					tp + fp + fn + tn, precision(), recall(), tp, fp, fn, tn);
		}

	}

}
