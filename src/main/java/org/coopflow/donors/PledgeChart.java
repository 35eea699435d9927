package org.coopflow.donors;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.coopflow.web.BarChart;
import org.coopflow.pledges.Earmarking;
import org.coopflow.pledges.EarmarkTotals;

/**
 * A Member State's pledges in USD by standard and by year, as {@link BarChart}s and as the table behind
 * them. A pledge earmarked to a programme counts under every standard the programme promotes, so the
 * standards' totals may add up to more than was pledged; the years count each pledge once. The methods the template calls are
 * public because Thymeleaf's expressions call only public methods.
 */
record PledgeChart(List<Integer> years, List<Row> rows, List<BigDecimal> yearTotals, BigDecimal total,
		BarChart byStandard, BarChart byYear) {

	static final String NO_STANDARD = "Not earmarked to a standard";

	/** One standard (or "not earmarked to a standard") with its amount in each year of {@code years}. */
	record Row(String code, String title, List<BigDecimal> byYear, BigDecimal total) {

		public boolean isStandard() {
			return !code.equals(NO_STANDARD);
		}

	}

	public boolean isEmpty() {
		return rows.isEmpty();
	}

	/**
	 * @param standardTitles the catalogue's titles by code, in catalogue order (the order of the rows)
	 */
	static PledgeChart of(List<EarmarkTotals.Line> lines, Map<Long, List<String>> programmeStandards,
			Map<String, String> standardTitles) {
		TreeSet<Integer> yearSet = new TreeSet<>();
		Map<String, Map<Integer, BigDecimal>> byStandard = new LinkedHashMap<>();
		Map<Integer, BigDecimal> byYear = new TreeMap<>();
		for (EarmarkTotals.Line line : lines) {
			yearSet.add(line.year());
			byYear.merge(line.year(), line.amountUsd(), BigDecimal::add);
			for (String standard : standardsOf(line, programmeStandards)) {
				byStandard.computeIfAbsent(standard, code -> new TreeMap<>())
					.merge(line.year(), line.amountUsd(), BigDecimal::add);
			}
		}
		List<Integer> years = List.copyOf(yearSet);
		List<String> order = new ArrayList<>(standardTitles.keySet());
		byStandard.keySet().stream().filter(code -> !order.contains(code) && !code.equals(NO_STANDARD)).sorted().forEach(order::add);
		order.add(NO_STANDARD);
		List<Row> rows = new ArrayList<>();
		for (String code : order) {
			Map<Integer, BigDecimal> amounts = byStandard.get(code);
			if (amounts == null) {
				continue;
			}
			List<BigDecimal> perYear = years.stream().map(year -> amounts.getOrDefault(year, BigDecimal.ZERO)).toList();
			rows.add(new Row(code, code.equals(NO_STANDARD) ? NO_STANDARD : standardTitles.getOrDefault(code, code), perYear,
					perYear.stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
		}
		List<BigDecimal> yearTotals = years.stream().map(byYear::get).toList();
		BigDecimal total = yearTotals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);

		Map<String, BigDecimal> standardAmounts = new LinkedHashMap<>();
		Map<String, String> standardDescriptions = new LinkedHashMap<>();
		Map<String, String> standardLabels = new LinkedHashMap<>();
		rows.forEach(row -> {
			String key = row.code().equals(NO_STANDARD) ? "No standard" : row.code();
			standardAmounts.put(key, row.total());
			standardDescriptions.put(key, row.title());
			standardLabels.put(key, key.equals("No standard") ? key : BarChart.shortLabel(row.title()));
		});
		Map<String, BigDecimal> yearAmounts = new LinkedHashMap<>();
		Map<String, String> yearDescriptions = new LinkedHashMap<>();
		for (int i = 0; i < years.size(); i++) {
			yearAmounts.put(String.valueOf(years.get(i)), yearTotals.get(i));
			yearDescriptions.put(String.valueOf(years.get(i)), "Pledged in " + years.get(i));
		}
		return new PledgeChart(years, rows, yearTotals, total, BarChart.of(standardAmounts, standardDescriptions, standardLabels),
				BarChart.of(yearAmounts, yearDescriptions));
	}

	private static List<String> standardsOf(EarmarkTotals.Line line, Map<Long, List<String>> programmeStandards) {
		if (line.earmarking() == Earmarking.PROGRAMME) {
			List<String> standards = programmeStandards.getOrDefault(line.programmeId(), List.of());
			return standards.isEmpty() ? List.of(NO_STANDARD) : standards;
		}
		if (line.earmarking() == Earmarking.STANDARD && line.earmarkTarget() != null) {
			return List.of(line.earmarkTarget());
		}
		return List.of(NO_STANDARD);
	}

}
