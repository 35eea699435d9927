package org.coopflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.activities.ImplementationFixtures;
import org.coopflow.pledges.PledgeFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reporting pages as HTML, signed in through the form: the portfolio for staff only, a pledge's report
 * for its own donor only (another Member State's pledge is the 404 page).
 */
@CoopflowTest
class ReportingPagesTests {

	@LocalServerPort
	int port;

	private TestHttp signedIn(String user) {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn(user, TestHttp.DEMO_PASSWORD);
		return browser;
	}

	@Test
	void staffOpenThePortfolioFromTheStartPageAndDonorsCannot() {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port));
		long open = fixtures.openProgramme("800000000.00", "USD");
		for (String user : new String[] { "officerCpcjd", "coordinatorOhchr", "admin" }) {
			TestHttp browser = signedIn(user);
			assertThat(browser.browse("/").body()).as(user).contains("href=\"/portfolio\"");
			TestHttp.Response page = browser.browse("/portfolio?office=CPCJD");
			assertThat(page.status()).as(user).isEqualTo(200);
			assertThat(page.body()).contains("Portfolio of CPCJD", "id=\"gap-" + open + "\"", "800,000,000.00",
					"Standard Minimum Rules");
		}
		assertThat(signedIn("officerCpcjd").browse("/portfolio?office=NOPE").status()).isEqualTo(400);
		TestHttp donor = signedIn("donorNorway");
		assertThat(donor.browse("/portfolio").status()).isEqualTo(403);
		assertThat(donor.browse("/").body()).doesNotContain("href=\"/portfolio\"");
	}

	@Test
	void aDonorOpensItsPledgesReportFromMyPledgesAndNoOtherMemberStatesReport() {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port));
		long programmeId = fixtures.openProgramme("40000.00", "USD");
		long pledgeId = fixtures.pledge(programmeId, "donorNorway", "40000.00", "10000");
		fixtures.markFunded(programmeId);
		fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Training of probation officers"));

		TestHttp norway = signedIn("donorNorway");
		assertThat(norway.browse("/donor/pledges").body()).contains("href=\"/donor/pledges/" + pledgeId + "/report\"");
		TestHttp.Response page = norway.browse("/donor/pledges/" + pledgeId + "/report");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("What pledge " + pledgeId + " did", "Training of probation officers",
				"No report has been shared with donors yet");
		// a pledge in dollars has one money column
		assertThat(cells(page.body(), "money-pledged")).containsExactly("Pledged", "40,000.00");
		assertThat(cells(page.body(), "money-received")).containsExactly("Received", "10,000.00");
		assertThat(cells(page.body(), "money-spent")).containsExactly("Spent", "0.00");

		TestHttp.Response other = signedIn("donorJapan").browse("/donor/pledges/" + pledgeId + "/report");
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.contentType()).startsWith("text/html");
		assertThat(other.body()).doesNotContain("Training of probation officers");
		assertThat(signedIn("officerCpcjd").browse("/donor/pledges/" + pledgeId + "/report").status())
			.as("the donor pages are the donors'").isEqualTo(403);
	}

	@Test
	void aWithdrawnPledgeSaysSoOnItsReportAndOwesNoInstalment() {
		PledgeFixtures pledges = new PledgeFixtures(TestHttp.api(port));
		long id = pledges.create("donorNorway", PledgeFixtures.pledge("1000", "USD")).path("id").asLong();
		pledges.step("PUT", "/api/pledges/" + id + "/withdrawal", "donorNorway", "{\"reason\": \"Parliament did not approve\"}", 200);

		TestHttp norway = signedIn("donorNorway");
		String report = norway.browse("/donor/pledges/" + id + "/report").body();
		assertThat(report).contains("The pledge is <strong>Withdrawn</strong>.",
				"The pledge was withdrawn before it was allocated to a programme: it funds no programme.")
			.doesNotContain("once an officer allocates");
		// newest first: this test's pledge is on the first page of My pledges
		String mine = norway.browse("/donor/pledges").body();
		String card = mine.substring(mine.indexOf("id=\"pledge-" + id + "\""));
		card = card.substring(0, card.indexOf("</li>"));
		assertThat(card).contains("Not due: the pledge is withdrawn").doesNotContain(">Due<");
	}

	@Test
	void aPledgeInYenShowsWholeYenBesideItsDollars() {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port));
		fixtures.pledges().rate("JPY", "150.000000");
		long programmeId = fixtures.openProgramme("40000.00", "USD");
		long pledgeId = fixtures.pledge(programmeId, "donorJapan", "6000000", "JPY", "3000000");
		fixtures.markFunded(programmeId);

		String page = signedIn("donorJapan").browse("/donor/pledges/" + pledgeId + "/report").body();
		assertThat(page).contains("From pledged to spent, in JPY and in US dollars");
		assertThat(cells(page, "money-pledged")).containsExactly("Pledged", "6,000,000", "40,000.00");
		assertThat(cells(page, "money-received")).containsExactly("Received", "3,000,000", "20,000.00");
	}

	/** The texts of the header and data cells of the table row with this id, in order. */
	private static List<String> cells(String html, String rowId) {
		int start = html.indexOf("<tr id=\"" + rowId + "\"");
		assertThat(start).as("row " + rowId).isNotNegative();
		String row = html.substring(start, html.indexOf("</tr>", start));
		return Pattern.compile("<t[hd][^>]*>([^<]*)</t[hd]>")
			.matcher(row)
			.results()
			.map(cell -> cell.group(1).strip())
			.toList();
	}

}
