package org.coopflow.programmes;

import java.math.BigDecimal;

/**
 * How far a programme is funded. Only committed money (an agreement signed) counts towards the gap;
 * pledged money is shown beside it. {@code usd} is null when no rate of exchange is known for the
 * programme currency this month ({@code usdRateMissing}).
 */
@org.springframework.modulith.NamedInterface("api")
public record FundingStatus(long programmeId, String currency, BigDecimal budget, BigDecimal pledged,
		BigDecimal committed, BigDecimal received, BigDecimal gap, Amounts usd, boolean usdRateMissing) {

	@org.springframework.modulith.NamedInterface("api")
	public record Amounts(BigDecimal budget, BigDecimal pledged, BigDecimal committed, BigDecimal received,
			BigDecimal gap) {
	}

}
