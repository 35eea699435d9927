package org.coopflow.overlap.screening;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The weights and thresholds of the screening ({@code coopflow.overlap.*}); {@link #defaults()} gives
 * the same values without Spring. Why each default is what it is: README beside the benchmark
 * ({@code src/test/java/org/coopflow/overlap/bench/README.md}).
 *
 * @param weights how much each signal can add to a pair's score (each signal is a value in [0, 1]
 *     times its weight; the defaults sum to 1)
 * @param alertThreshold a candidate pair with at least this score is an alert
 * @param mediumThreshold an alert with at least this score is MEDIUM
 * @param highThreshold an alert with at least this score is HIGH
 * @param minOverlapDays a pair overlapping in time by this many days is a candidate...
 * @param minOverlapShare ...and so is one overlapping by this share of the shorter programme
 * @param themeSectors the DAC sectors of the justice / human-rights group: sharing one is sharing a theme
 * @param textChangeThreshold a programme's text changed materially when the similarity of its old and
 *     new text falls below this
 * @param parallelism threads that screen the whole portfolio (0: one per core)
 */
@ConfigurationProperties("coopflow.overlap")
public record ScreeningSettings(@DefaultValue Weights weights, @DefaultValue("0.25") double alertThreshold,
		@DefaultValue("0.45") double mediumThreshold, @DefaultValue("0.60") double highThreshold,
		@DefaultValue("30") int minOverlapDays, @DefaultValue("0.25") double minOverlapShare,
		@DefaultValue({ "15130", "15160", "15210", "15113", "15180" }) Set<String> themeSectors,
		@DefaultValue("0.9") double textChangeThreshold, @DefaultValue("0") int parallelism) {

	public ScreeningSettings {
		if (!(alertThreshold <= mediumThreshold && mediumThreshold <= highThreshold)) {
			throw new IllegalArgumentException("thresholds must rise: alert <= medium <= high");
		}
		themeSectors = Set.copyOf(themeSectors);
	}

	public static ScreeningSettings defaults() {
		return new ScreeningSettings(Weights.defaults(), 0.25, 0.45, 0.60, 30, 0.25,
				Set.of("15130", "15160", "15210", "15113", "15180"), 0.9, 0);
	}

	ScreeningSettings withWeights(Weights newWeights) {
		return new ScreeningSettings(newWeights, alertThreshold, mediumThreshold, highThreshold, minOverlapDays,
				minOverlapShare, themeSectors, textChangeThreshold, parallelism);
	}

	public ScreeningSettings withThresholds(double alert, double medium, double high) {
		return new ScreeningSettings(weights, alert, medium, high, minOverlapDays, minOverlapShare, themeSectors,
				textChangeThreshold, parallelism);
	}

	public ScreeningSettings withParallelism(int threads) {
		return new ScreeningSettings(weights, alertThreshold, mediumThreshold, highThreshold, minOverlapDays,
				minOverlapShare, themeSectors, textChangeThreshold, threads);
	}

	int threads() {
		return parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * @param text cosine similarity of title and description (TF-IDF)
	 * @param standards Dice coefficient of the standards (2 × shared / (|a| + |b|))
	 * @param institution the same beneficiary institution (1 or 0)
	 * @param partner the same implementing partner (1 or 0)
	 * @param activityType Dice coefficient of the activity types
	 * @param countries Jaccard index of the countries covered
	 * @param time days of overlap over the length of the shorter programme
	 */
	public record Weights(@DefaultValue("0.35") double text, @DefaultValue("0.25") double standards,
			@DefaultValue("0.15") double institution, @DefaultValue("0.05") double partner,
			@DefaultValue("0.10") double activityType, @DefaultValue("0.05") double countries,
			@DefaultValue("0.05") double time) {

		public static Weights defaults() {
			return new Weights(0.35, 0.25, 0.15, 0.05, 0.10, 0.05, 0.05);
		}

	}

}
