package org.coopflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.activities.ImplementationFixtures;
import org.coopflow.activities.ImplementationProgress;
import org.coopflow.activities.UnspentFundsChoice;
import org.coopflow.pledges.PledgeFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A pledge's report against the real database: the money from pledged to spent in the pledge currency and
 * in US dollars as the programme spends (also beyond what it received, on an override), the programme's
 * activities and the reports shared with donors, and only for the pledge's own donor and staff.
 */
@CoopflowTest
class PledgeReportApiTests {

	@LocalServerPort
	int port;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ImplementationProgress activities;

	TestHttp api;

	ImplementationFixtures fixtures;

	@BeforeEach
	void setUp() {
		api = TestHttp.api(port);
		fixtures = new ImplementationFixtures(api);
	}

	private JsonNode report(long pledgeId, String user) {
		TestHttp.Response response = api.get("/api/pledges/" + pledgeId + "/report", user);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static void assertAmount(JsonNode amount, String inPledgeCurrency, String inUsd) {
		assertThat(amount.path("amount").decimalValue()).as("amount").isEqualByComparingTo(inPledgeCurrency);
		assertThat(amount.path("amountUsd").decimalValue()).as("amountUsd").isEqualByComparingTo(inUsd);
	}

	private void spend(long activityId, String amount, String overrideReason) {
		var spending = ImplementationFixtures.expenditure(amount);
		if (overrideReason != null) {
			spending.put("overrideReason", overrideReason);
		}
		fixtures.pledges().step("POST", "/api/activities/" + activityId + "/expenditures", "officerCpcjd",
				spending.toString(), 201);
	}

	@Test
	void eachDonorSeesItsPledgesShareOfTheSpendingInItsOwnCurrencyAndInDollars() {
		fixtures.pledges().rate("JPY", "150.000000");
		long programmeId = fixtures.openProgramme("100000.00", "USD");
		long norway = fixtures.pledge(programmeId, "donorNorway", "60000.00", "40000");
		long japan = fixtures.pledge(programmeId, "donorJapan", "6000000", "JPY", "6000000");
		fixtures.markFunded(programmeId);
		long training = fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Training of prison staff"))
			.path("id").asLong();
		fixtures.plan(programmeId, ImplementationFixtures.activity("ADVISORY_SERVICES", "Advice on the prison act"));

		JsonNode before = report(norway, "donorNorway");
		assertThat(before.path("currency").asText()).isEqualTo("USD");
		assertAmount(before.path("money").path("pledged"), "60000", "60000");
		assertAmount(before.path("money").path("received"), "40000", "40000");
		assertAmount(before.path("money").path("allocated"), "40000", "40000");
		assertAmount(before.path("money").path("spent"), "0", "0");
		assertThat(before.path("programme").path("id").asLong()).isEqualTo(programmeId);
		assertThat(before.path("programme").path("received").decimalValue()).isEqualByComparingTo("80000");
		assertThat(before.path("activities").findValuesAsText("title")).containsExactlyInAnyOrder(
				"Training of prison staff", "Advice on the prison act");
		assertThat(before.path("activities").findValuesAsText("status")).containsOnly("PLANNED");

		// a quarter of the 80,000 received is spent: a quarter of each pledge's received money
		spend(training, "20000.00", null);
		JsonNode norwayReport = report(norway, "donorNorway");
		assertAmount(norwayReport.path("money").path("spent"), "10000", "10000");
		assertAmount(norwayReport.path("money").path("unspent"), "30000", "30000");
		JsonNode japanReport = report(japan, "donorJapan");
		assertThat(japanReport.path("currency").asText()).isEqualTo("JPY");
		assertAmount(japanReport.path("money").path("pledged"), "6000000", "40000");
		assertAmount(japanReport.path("money").path("received"), "6000000", "40000");
		assertAmount(japanReport.path("money").path("spent"), "1500000", "10000");
		assertAmount(japanReport.path("money").path("unspent"), "4500000", "30000");

		// spending beyond what was received, on an officer's override, is paid by no pledge
		spend(training, "70000.00", "The venue had to be paid before the second instalment arrived");
		JsonNode overspent = report(norway, "officerOhchr");
		assertAmount(overspent.path("money").path("spent"), "40000", "40000");
		assertAmount(overspent.path("money").path("unspent"), "0", "0");
		assertThat(overspent.path("programme").path("spent").decimalValue()).isEqualByComparingTo("90000");
		assertThat(overspent.path("programme").path("spentBeyondReceived").decimalValue()).isEqualByComparingTo("10000");
		assertAmount(report(japan, "coordinatorCpcjd").path("money").path("spent"), "6000000", "40000");
	}

	@Test
	void aDonorSeesOnlyItsOwnPledgesAndTheActivitiesAndReportsTheyFunded() {
		long norwayProgramme = fixtures.openProgramme("50000.00", "USD");
		long norway = fixtures.pledge(norwayProgramme, "donorNorway", "50000.00", "50000");
		fixtures.markFunded(norwayProgramme);
		fixtures.plan(norwayProgramme, ImplementationFixtures.activity("TRAINING", "Norway-funded training"));
		fixtures.progressReport(norwayProgramme, "Trained 40 prison officers.", true);
		fixtures.progressReport(norwayProgramme, "Not reviewed yet.", false);
		fixtures.completeActivities(norwayProgramme);

		long japanProgramme = fixtures.openProgramme("30000.00", "USD");
		long japan = fixtures.pledge(japanProgramme, "donorJapan", "30000.00", "30000");
		fixtures.markFunded(japanProgramme);
		fixtures.plan(japanProgramme, ImplementationFixtures.activity("TRAINING", "Japan-funded training"));

		JsonNode mine = report(norway, "donorNorway");
		assertThat(mine.path("activities").findValuesAsText("title")).containsExactly("Norway-funded training");
		assertThat(mine.path("reports")).as("only the accepted progress report").hasSize(1);
		assertThat(mine.path("reports").get(0).path("summary").asText()).isEqualTo("Trained 40 prison officers.");
		assertThat(report(norway, "officerCpcjd").path("reports")).as("staff see what the donor sees").hasSize(1);

		TestHttp.Response other = api.get("/api/pledges/" + japan + "/report", "donorNorway");
		assertThat(other.status()).as("another Member State's pledge: as if missing").isEqualTo(404);
		assertThat(other.contentType()).startsWith("application/problem+json");
		assertThat(api.get("/api/pledges/" + norway + "/report", "donorJapan").status()).isEqualTo(404);
		assertThat(api.get("/api/pledges/999999999/report", "donorJapan").status()).isEqualTo(404);
		assertThat(api.get("/api/pledges/" + norway + "/report", null).status()).isEqualTo(401);
		assertThat(report(japan, "donorJapan").path("activities").findValuesAsText("title"))
			.containsExactly("Japan-funded training");
	}

	@Test
	void aPledgeNotYetAllocatedHasNoProgrammeAndNothingAllocated() {
		long pledgeId = fixtures.pledges().create("donorNorway", PledgeFixtures.pledge("25000.00", "USD")).path("id").asLong();
		JsonNode report = report(pledgeId, "donorNorway");
		assertThat(report.path("status").asText()).isEqualTo("PLEDGED");
		assertAmount(report.path("money").path("pledged"), "25000", "25000");
		assertAmount(report.path("money").path("received"), "0", "0");
		assertAmount(report.path("money").path("allocated"), "0", "0");
		assertAmount(report.path("money").path("spent"), "0", "0");
		assertThat(report.path("programme").isValueNode() || report.path("programme").isMissingNode())
			.as("no programme (null fields are left out)").isTrue();
		assertThat(report.path("activities")).isEmpty();
	}

	@Test
	void theDonorSeesTheOfficersRecordedChoiceForTheFundsNotSpent() {
		// the choice is recorded here directly; the closing task that records it is walked through in
		// ActivityImplementationProcessTests.aFundedProgrammeIsPlannedCarriedOutReportedOnAndClosedWithItsUnspentFundsDecided
		long programmeId = fixtures.openProgramme("20000.00", "USD");
		long pledgeId = fixtures.pledge(programmeId, "donorNorway", "20000.00", "20000");
		fixtures.markFunded(programmeId);
		long activity = fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Short course")).path("id").asLong();
		spend(activity, "15000.00", null);
		transaction.executeWithoutResult(status -> activities.recordUnspentFunds(programmeId, new BigDecimal("5000.00"),
				UnspentFundsChoice.RETURN, "Returned to Norway as agreed", "officerCpcjd"));

		JsonNode report = report(pledgeId, "donorNorway");
		assertAmount(report.path("money").path("spent"), "15000", "15000");
		assertAmount(report.path("money").path("unspent"), "5000", "5000");
		JsonNode decision = report.path("programme").path("unspentFunds");
		assertThat(decision.path("choice").asText()).isEqualTo("RETURN");
		assertThat(decision.path("amount").decimalValue()).isEqualByComparingTo("5000");
		assertThat(decision.path("reason").asText()).isEqualTo("Returned to Norway as agreed");
	}

}
