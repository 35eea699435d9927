package org.coopflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The share of a programme's spending each pledge paid: never negative, never more than the pledge
 * brought, and all pledges together never more than what was spent.
 */
class SpendingAttributionTests {

	@Provide
	Arbitrary<BigDecimal> money() {
		return Arbitraries.bigDecimals()
			.between(BigDecimal.ZERO, new BigDecimal("99999999999.99"))
			.ofScale(2);
	}

	@Property
	void aPledgesSpendingIsNeverNegativeNorAboveWhatItBrought(@ForAll("money") BigDecimal allocated,
			@ForAll("money") BigDecimal received, @ForAll("money") BigDecimal spent) {
		BigDecimal share = SpendingAttribution.spentShare(received, spent);
		assertThat(share).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
		BigDecimal attributed = SpendingAttribution.spentOf(allocated, share, 2);
		assertThat(attributed.signum()).isNotNegative();
		assertThat(attributed).isLessThanOrEqualTo(allocated);
		assertThat(allocated.subtract(attributed).signum()).as("unspent").isNotNegative();
		assertThat(SpendingAttribution.beyondReceived(received, spent).signum()).isNotNegative();
	}

	@Property
	void pledgesTogetherNeverPayMoreThanWasSpent(@ForAll @Size(min = 1, max = 8) List<@net.jqwik.api.constraints.BigRange(
			min = "0.01", max = "1000000000") BigDecimal> pledges, @ForAll("money") BigDecimal spent) {
		List<BigDecimal> received = pledges.stream().map(p -> p.setScale(2, java.math.RoundingMode.DOWN)).toList();
		BigDecimal total = received.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal share = SpendingAttribution.spentShare(total, spent);
		BigDecimal attributed = received.stream()
			.map(r -> SpendingAttribution.spentOf(r, share, 2))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		// each pledge's part is rounded to the cent, so together they may differ by half a cent per pledge
		BigDecimal rounding = new BigDecimal("0.005").multiply(BigDecimal.valueOf(received.size()));
		assertThat(attributed).isLessThanOrEqualTo(spent.min(total).add(rounding));
		assertThat(attributed.add(SpendingAttribution.beyondReceived(total, spent)))
			.as("what pledges paid and what nobody paid make up the spending")
			.isCloseTo(spent, org.assertj.core.data.Offset.offset(rounding));
	}

	@Test
	void spendingBeyondWhatWasReceivedIsPaidByNoPledge() {
		BigDecimal share = SpendingAttribution.spentShare(new BigDecimal("80000.00"), new BigDecimal("90000.00"));
		assertThat(share).isEqualByComparingTo("1");
		assertThat(SpendingAttribution.spentOf(new BigDecimal("40000.00"), share, 2)).isEqualByComparingTo("40000.00");
		assertThat(SpendingAttribution.beyondReceived(new BigDecimal("80000.00"), new BigDecimal("90000.00")))
			.isEqualByComparingTo("10000.00");
	}

	@Test
	void aQuarterSpentIsAQuarterOfEachPledgeInItsOwnMinorUnits() {
		BigDecimal share = SpendingAttribution.spentShare(new BigDecimal("80000.00"), new BigDecimal("20000.00"));
		assertThat(SpendingAttribution.spentOf(new BigDecimal("6000000"), share, 0)).isEqualByComparingTo("1500000");
		assertThat(SpendingAttribution.spentOf(new BigDecimal("40000.00"), share, 2)).isEqualByComparingTo("10000.00");
		assertThat(SpendingAttribution.spentShare(BigDecimal.ZERO, new BigDecimal("5.00"))).as("nothing received")
			.isEqualByComparingTo("0");
	}

}
