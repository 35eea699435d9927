package org.coopflow.overlap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.coopflow.overlap.screening.ScreeningIndex;
import org.coopflow.overlap.screening.ScreeningProfile;
import org.coopflow.overlap.screening.ScreeningSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times the screening engine on generated portfolios and prints the figures; asserts only that the
 * runs did their work. No Spring. Excluded from the default run (tag {@code benchmark}); how to run
 * it and the recorded figures are in README.md beside this file.
 */
@Tag("benchmark")
class ScreeningBenchmark {

	private static final int[] SIZES = Arrays.stream(System.getProperty("coopflow.bench.sizes", "10000,100000,1000000")
		.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();

	private static final int PROBES = Integer.getInteger("coopflow.bench.probes", 2_000);

	/** Above this size the whole-portfolio screening is not run but estimated from a sample (see README). */
	private static final int FULL_SCREENING_MAX = Integer.getInteger("coopflow.bench.fullScreeningMax", 100_000);

	@Test
	void screensGeneratedPortfolios() {
		int threads = Runtime.getRuntime().availableProcessors();
		print("%d cores, max heap %,d MB, JDK %s, load average %.2f", threads, Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		for (int size : SIZES) {
			run(size, threads);
		}
	}

	/**
	 * "dense": every size spreads its starts over 2020-2030, so a larger portfolio is a denser one;
	 * "history": a portfolio grows by accumulating years, 11 years of starts per 100,000 programmes, so
	 * the density of programmes per country and year stays that of 100,000.
	 */
	private static final String GROWTH = System.getProperty("coopflow.bench.growth", "dense");

	private void run(int size, int threads) {
		int startYears = "history".equals(GROWTH) ? Math.max(1, (int) Math.round(11.0 * size / 100_000)) : 11;
		print("n=%,d: growth %s, starts over %d years", size, GROWTH, startYears);
		PortfolioGenerator generator = new PortfolioGenerator(size, startYears);
		List<ScreeningProfile> portfolio = generator.portfolio(1, size);
		List<ScreeningProfile> probes = generator.portfolio(size + 1L, PROBES + 500);

		long heapBefore = usedHeapAfterGc();
		ScreeningSettings settings = ScreeningSettings.defaults().withParallelism(threads);
		if (System.getProperty("coopflow.bench.alertThreshold") != null) {
			double alert = Double.parseDouble(System.getProperty("coopflow.bench.alertThreshold"));
			settings = settings.withThresholds(alert, Math.max(alert, settings.mediumThreshold()), Math.max(alert, settings.highThreshold()));
		}
		ScreeningIndex index = new ScreeningIndex(settings);
		long start = System.nanoTime();
		portfolio.forEach(index::add);
		long buildMillis = (System.nanoTime() - start) / 1_000_000;
		long heapAfter = usedHeapAfterGc();
		assertThat(index.size()).isEqualTo(size);

		// the first 500 probes warm up the JIT; the rest are measured one by one
		long alerts = 0;
		for (ScreeningProfile probe : probes.subList(0, 500)) {
			alerts += index.screen(probe).size();
		}
		long[] micros = new long[PROBES];
		alerts = 0;
		for (int i = 0; i < PROBES; i++) {
			long t = System.nanoTime();
			alerts += index.screen(probes.get(500 + i)).size();
			micros[i] = (System.nanoTime() - t) / 1_000;
		}
		Arrays.sort(micros);
		print("n=%,d: build %,d ms (%.1f µs a programme); index heap %,d MB (heap used after GC, before/after building: %,d / %,d MB; own estimate %,d MB)",
				size, buildMillis, buildMillis * 1000.0 / size, (heapAfter - heapBefore) >> 20, heapBefore >> 20, heapAfter >> 20,
				index.estimatedBytes() >> 20);
		print("n=%,d: screening one new programme, %,d probes: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms; %.2f alerts a probe",
				size, PROBES, micros[PROBES / 2] / 1000.0, micros[PROBES * 95 / 100] / 1000.0, micros[PROBES * 99 / 100] / 1000.0,
				micros[PROBES - 1] / 1000.0, alerts / (double) PROBES);

		// estimate of the whole portfolio from programmes already in it: screen(p) finds every alert of p,
		// so each pair is met twice, and it analyses p's text again, which screenAll does not (an overestimate)
		java.util.SplittableRandom pick = new java.util.SplittableRandom(size);
		long sampleAlerts = 0;
		long sampleStart = System.nanoTime();
		for (int i = 0; i < PROBES; i++) {
			sampleAlerts += index.screen(portfolio.get(pick.nextInt(size))).size();
		}
		double sampleMillis = (System.nanoTime() - sampleStart) / 1e6 / PROBES;
		print("n=%,d: whole portfolio estimated from %,d programmes in it: %,.0f ms on %d threads (%.3f ms a programme), %,.0f alerts",
				size, PROBES, sampleMillis * size / 2 / threads, threads, sampleMillis, sampleAlerts / (double) PROBES * size / 2);

		if (size <= FULL_SCREENING_MAX) {
			start = System.nanoTime();
			long cpuStart = processCpuNanos();
			ScreeningIndex.PortfolioScreening all = index.screenAll(alert -> { });
			long allMillis = (System.nanoTime() - start) / 1_000_000;
			long cpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
			double allPairs = size * (size - 1.0) / 2;
			print("n=%,d: whole portfolio on %d threads: %,d ms wall, %,d ms CPU; %,d candidate pairs scored (%.4f %% of all %,.0f pairs, %.0f a programme); %,d alerts",
					size, threads, allMillis, cpuMillis, all.candidatePairs(), 100 * all.candidatePairs() / allPairs, allPairs,
					all.candidatePairs() / (double) size, all.alerts());
			assertThat(all.programmes()).isEqualTo(size);
		}
		else {
			print("n=%,d: whole portfolio not run (coopflow.bench.fullScreeningMax=%,d)", size, FULL_SCREENING_MAX);
		}
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** Heap in use after asking for full collections until it stops falling. */
	private static long usedHeapAfterGc() {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			long now = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
			if (now >= used) {
				return now;
			}
			used = now;
		}
		return used;
	}

	private static void print(String format, Object... args) {
		System.out.printf(Locale.ROOT, "screening benchmark: " + format + "%n", args);
	}

}
