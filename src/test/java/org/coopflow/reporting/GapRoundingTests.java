package org.coopflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.coopflow.reference.Currencies;
import org.junit.jupiter.api.Test;

/**
 * The largest gaps are ordered by their dollars, which the database does not know: where a cent of the
 * currency is worth less than a dollar cent, several gaps round to the same dollars and are then ordered by
 * id, so the portfolio also asks for every gap from the least that rounds to the last one's dollars.
 */
class GapRoundingTests {

	private static final BigDecimal YEN = new BigDecimal("150.000000");

	@Test
	void theLeastGapThatRoundsToTheDollarsHalfToEven() {
		// 149.25 / 150 = 0.995 exactly, half to even: 1.00; 149.24 is 0.99
		assertThat(PortfolioReport.leastRoundingTo(new BigDecimal("1.00"), YEN)).isEqualByComparingTo("149.25");
		// 150.75 / 150 = 1.005 exactly, half to even: 1.00, so 1.01 starts at 150.76
		assertThat(PortfolioReport.leastRoundingTo(new BigDecimal("1.01"), YEN)).isEqualByComparingTo("150.76");
		// the smallest positive gap
		assertThat(PortfolioReport.leastRoundingTo(new BigDecimal("0.00"), YEN)).isEqualByComparingTo("0.01");
	}

	@Test
	void everyAmountFromTheLeastRoundsToTheSameDollars() {
		for (String usd : new String[] { "6666.67", "12345.68", "0.50" }) {
			BigDecimal dollars = new BigDecimal(usd);
			BigDecimal least = PortfolioReport.leastRoundingTo(dollars, YEN);
			assertThat(Currencies.toUsd(least, YEN)).isEqualByComparingTo(dollars);
			assertThat(Currencies.toUsd(least.subtract(new BigDecimal("0.01")), YEN)).isLessThan(dollars);
		}
	}

}
