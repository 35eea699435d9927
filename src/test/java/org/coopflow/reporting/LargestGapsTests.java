package org.coopflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.activities.ImplementationFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The largest gaps are the largest in dollars, then by id, as when the portfolio ordered every programme in
 * memory, though the database now picks them per currency by the gap in that currency: a yen is worth less
 * than a dollar cent, so two gaps a yen apart can be the same dollars, and the older programme then comes
 * first even if its gap in yen is the smaller.
 */
@CoopflowTest
class LargestGapsTests {

	@LocalServerPort
	int port;

	@Test
	void gapsOfTheSameDollarsComeByIdWhateverTheirGapInTheCurrency() {
		TestHttp api = TestHttp.api(port);
		ImplementationFixtures fixtures = new ImplementationFixtures(api);
		fixtures.pledges().rate("JPY", "150.000000");
		// 150,000,000,001 yen is 1,000,000,000.006... dollars and 150,000,000,002 yen 1,000,000,000.013...: both
		// 1,000,000,000.01, larger than any other test's gap; the first programme has the smaller gap in yen.
		// OHCHR's: the other tests of the shared context look for their own CPCJD programmes among the largest
		long older = fixtures.pledges().openProgramme("officerOhchr", "150000000001", "JPY");
		long newer = fixtures.pledges().openProgramme("officerOhchr", "150000000002", "JPY");

		TestHttp.Response response = api.get("/api/portfolio?office=OHCHR&limit=1", "officerOhchr");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode largest = response.json().path("fundingGaps").path("largest");
		assertThat(largest).hasSize(1);
		assertThat(largest.get(0).path("programmeId").asLong()).isEqualTo(older);
		assertThat(largest.get(0).path("gapUsd").decimalValue()).isEqualByComparingTo("1000000000.01");

		JsonNode two = api.get("/api/portfolio?office=OHCHR&limit=2", "officerOhchr").json();
		List<Long> ids = two.path("fundingGaps").path("largest").findValues("programmeId").stream().map(JsonNode::asLong).toList();
		assertThat(ids).containsExactly(older, newer);
	}

}
