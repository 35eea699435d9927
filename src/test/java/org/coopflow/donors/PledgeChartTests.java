package org.coopflow.donors;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coopflow.web.BarChart;
import org.coopflow.pledges.Earmarking;
import org.coopflow.pledges.EarmarkTotals.Line;
import org.junit.jupiter.api.Test;

class PledgeChartTests {

	private static final Map<String, String> TITLES = new LinkedHashMap<>();

	static {
		TITLES.put("SMR-PRISONERS", "Standard Minimum Rules for the Treatment of Prisoners");
		TITLES.put("TOKYO-RULES", "Tokyo Rules");
		TITLES.put("BP-LAWYERS", "Basic Principles on the Role of Lawyers");
	}

	private static Line line(int year, Earmarking earmarking, String target, Long programmeId, String usd) {
		return new Line(year, earmarking, target, programmeId, new BigDecimal(usd));
	}

	@Test
	void pledgeToAProgrammeCountsUnderEachOfItsStandardsButOnceInItsYear() {
		PledgeChart chart = PledgeChart.of(List.of(line(2026, Earmarking.PROGRAMME, null, 7L, "1000.00")),
				Map.of(7L, List.of("SMR-PRISONERS", "TOKYO-RULES")), TITLES);

		assertThat(chart.rows()).extracting(PledgeChart.Row::code).containsExactly("SMR-PRISONERS", "TOKYO-RULES");
		assertThat(chart.rows()).allSatisfy(row -> assertThat(row.total()).isEqualByComparingTo("1000.00"));
		assertThat(chart.total()).isEqualByComparingTo("1000.00");
		assertThat(chart.byYear().bars()).singleElement()
			.satisfies(bar -> assertThat(bar.amount()).isEqualByComparingTo("1000.00"));
	}

	@Test
	void rowsFollowTheCatalogueWithUnearmarkedPledgesLast() {
		PledgeChart chart = PledgeChart.of(List.of(line(2025, Earmarking.NONE, null, null, "50.00"),
				line(2026, Earmarking.COUNTRY, "KE", null, "25.00"), line(2026, Earmarking.STANDARD, "BP-LAWYERS", null, "200.00"),
				line(2025, Earmarking.STANDARD, "SMR-PRISONERS", null, "100.00")), Map.of(), TITLES);

		assertThat(chart.years()).containsExactly(2025, 2026);
		assertThat(chart.rows()).extracting(PledgeChart.Row::code)
			.containsExactly("SMR-PRISONERS", "BP-LAWYERS", PledgeChart.NO_STANDARD);
		PledgeChart.Row unearmarked = chart.rows().get(2);
		assertThat(unearmarked.byYear()).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("50.00"), new BigDecimal("25.00"));
		assertThat(chart.yearTotals()).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("150.00"), new BigDecimal("225.00"));
		assertThat(chart.total()).isEqualByComparingTo("375.00");
	}

	@Test
	void longestBarIsTheLargestAmountAndASmallAmountStaysVisible() {
		PledgeChart chart = PledgeChart.of(List.of(line(2026, Earmarking.STANDARD, "SMR-PRISONERS", null, "1000000.00"),
				line(2026, Earmarking.STANDARD, "TOKYO-RULES", null, "1.00")), Map.of(), TITLES);

		assertThat(chart.byStandard().bars()).extracting(BarChart.Bar::width).containsExactly(BarChart.BAR_MAX, 2);
		assertThat(chart.byStandard().bars()).extracting(BarChart.Bar::y).containsExactly(0, BarChart.ROW_HEIGHT);
	}

	@Test
	void noPledgesMakeAnEmptyChart() {
		assertThat(PledgeChart.of(List.of(), Map.of(), TITLES).isEmpty()).isTrue();
	}

}
