package org.coopflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.activities.ImplementationFixtures;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.results.ResultFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The donor's pledge report shows target against actual per indicator; the portfolio lists those off track. */
@CoopflowTest
class ResultsInReportsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePledgeReportShowsTargetAgainstActualAndThePortfolioListsTheIndicatorOffTrack() {
		TestHttp api = TestHttp.api(port);
		ImplementationFixtures fixtures = new ImplementationFixtures(api);
		ResultFixtures results = new ResultFixtures(api);
		long programmeId = fixtures.fundedProgramme("30000.00", "donorNorway", "30000");
		LocalDate today = PledgeFixtures.today();
		JsonNode indicator = results.resultWithIndicator(programmeId, "officerCpcjd", "Agreed in the inception report",
				ResultFixtures.indicator("Judges trained", today.minusMonths(6), today.minusDays(1)));
		results.actual(programmeId, indicator, 0, "12", "Attendance lists of the judicial academy");

		long pledgeId = jdbc.sql("SELECT id FROM pledge WHERE allocated_programme_id = ?").param(programmeId)
			.query(Long.class).single();
		JsonNode report = fixtures.pledges().step("GET", "/api/pledges/" + pledgeId + "/report", "donorNorway", null, 200);
		JsonNode shown = report.path("indicators").get(0);
		assertThat(shown.path("title").asText()).isEqualTo("Judges trained");
		assertThat(shown.path("periods").get(0).path("targetValue").decimalValue()).isEqualByComparingTo("20");
		assertThat(shown.path("periods").get(0).path("actualValue").decimalValue()).isEqualByComparingTo("12");
		assertThat(shown.path("periods").get(0).path("assessment").asText()).isEqualTo("OFF_TRACK");
		TestHttp donor = TestHttp.browser(port);
		donor.signIn("donorNorway", TestHttp.DEMO_PASSWORD);
		assertThat(donor.browse("/donor/pledges/" + pledgeId + "/report").body()).contains("Judges trained", "Off track",
				"Attendance lists of the judicial academy");

		JsonNode portfolio = fixtures.pledges().step("GET", "/api/portfolio?office=CPCJD&limit=500", "officerCpcjd", null, 200);
		assertThat(portfolio.path("offTrackIndicators").path("first").findValuesAsText("indicatorId"))
			.contains(indicator.path("id").asText());
		TestHttp officer = TestHttp.browser(port);
		officer.signIn("officerCpcjd", TestHttp.DEMO_PASSWORD);
		assertThat(officer.browse("/portfolio").body()).contains("Indicators off track",
				"off-track-" + indicator.path("id").asLong());
	}

}
