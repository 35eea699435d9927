package org.coopflow.donors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.pledges.StatementCounter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * "My pledges" sends as many SQL statements for a page of twenty pledges as for a page of two (issue 18):
 * the cards' instalments, payments, timelines, programmes and people are read for the whole page at once,
 * not once a card. A count of statements, unlike a timing, does not depend on the machine's load; both
 * are printed. On 2026-12-05, on H2 and on MariaDB: 25 statements for either page (session and sign-in
 * included); before, on H2, 47 for a page of two and 380 for a page of twenty.
 */
@CoopflowTest
@Import(StatementCounter.class)
// the counting data source makes an application context of its own: not in the shared test context's JVM
@Tag("restarts")
// A context of this configuration may already be cached from another test of the restarts JVM, and a
// context started and closed since (those tests start coopflow themselves) took Camunda's static engine
// registry with it: engine-rest, which the fixtures use, would answer "Process engine default not
// available" (CI of b34a4f9). A context of its own registers the engine anew.
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class MyPledgesStatementsTests {

	private static final int REQUESTS = 3;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPageOfTwentyPledgesSendsNoMoreStatementsThanAPageOfTwo() {
		// a donor of a Member State of its own, so that the page shows only the pledges made here
		String donor = newDonor();
		PledgeFixtures pledges = new PledgeFixtures(TestHttp.api(port));
		long programme = pledges.openProgramme("officerCpcjd", "500000", "USD");

		TestHttp browser = TestHttp.browser(port);
		browser.signIn(donor, TestHttp.DEMO_PASSWORD);
		pledgeBoth(pledges, donor, programme);
		List<String> two = perRequest(browser, 2);
		for (int i = 1; i < MyPledgesController.PAGE_SIZE / 2; i++) {
			pledgeBoth(pledges, donor, programme);
		}
		List<String> twenty = perRequest(browser, MyPledgesController.PAGE_SIZE);

		StatementCounter.print("a page of 2 pledges", two, REQUESTS, "request");
		StatementCounter.print("a page of 20 pledges", twenty, REQUESTS, "request");
		assertThat(twenty.size()).as("statements of %d requests for a page of 20 pledges against a page of 2", REQUESTS)
			.isLessThanOrEqualTo(two.size());
	}

	@Test
	void aPageOfPledgesShowsEachAsItIsShownAlone() {
		String donor = newDonor();
		PledgeFixtures pledges = new PledgeFixtures(TestHttp.api(port));
		ObjectNode inTwo = PledgeFixtures.pledge("1000", "USD");
		inTwo.putArray("instalments")
			.add(PledgeFixtures.JSON.createObjectNode().put("dueDate", PledgeFixtures.today().plusDays(20).toString()).put("amount", "400"))
			.add(PledgeFixtures.JSON.createObjectNode().put("dueDate", PledgeFixtures.today().plusDays(200).toString()).put("amount", "600"));
		pledges.agreed(donor, inTwo, "500");
		pledges.create(donor, PledgeFixtures.pledge("300", "USD"));
		pledges.agreed(donor, PledgeFixtures.pledge("200", "USD"), "200");

		TestHttp api = TestHttp.api(port);
		JsonNode page = api.get("/api/pledges", donor).json().path("content");
		assertThat(page).hasSize(3);
		for (JsonNode listed : page) {
			assertThat(listed).isEqualTo(api.get("/api/pledges/" + listed.path("id").asLong(), donor).json());
		}
		assertThat(page.get(2).path("instalments").get(0).path("paidAmount").decimalValue()).isEqualByComparingTo("400");
		assertThat(page.get(2).path("receivedAmountUsd").decimalValue()).isPositive();
	}

	/** A donor account of a Member State that has no pledges yet, so that its pages show only the test's. */
	private String newDonor() {
		String memberState = jdbc.sql("SELECT code FROM country WHERE code NOT IN (SELECT donor FROM pledge)"
				+ " AND code NOT IN (SELECT country_code FROM app_user WHERE country_code IS NOT NULL) ORDER BY code")
			.query(String.class)
			.list()
			.get(0);
		String donor = "donorCounted" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, display_name, email, role, office_code, country_code, enabled)
				SELECT ?, password_hash, 'Counted donor', NULL, role, NULL, ?, TRUE FROM app_user WHERE username = 'donorJapan'""")
			.params(donor, memberState)
			.update();
		return donor;
	}

	/**
	 * Two pledges with everything a card shows: one earmarked to a programme, agreed, with a payment
	 * confirmed (instalments, payments, a timeline of several people's steps), one earmarked to a standard.
	 */
	private static void pledgeBoth(PledgeFixtures pledges, String donor, long programme) {
		pledges.agreed(donor, PledgeFixtures.toProgramme("1000", "USD", programme), "250");
		pledges.create(donor, PledgeFixtures.pledge("500", "USD").put("earmarking", "STANDARD")
			.put("earmarkTarget", "SMR-PRISONERS"));
	}

	/** The statements of {@link #REQUESTS} requests for the page after one to warm the caches. */
	private static List<String> perRequest(TestHttp browser, int cards) {
		TestHttp.Response warm = browser.browse("/donor/pledges");
		assertThat(warm.status()).isEqualTo(200);
		assertThat(warm.body().split("<li class=\"card pledge\"", -1)).hasSize(cards + 1);
		assertThat(warm.body()).contains("Standard Minimum Rules", "Prison reform", "Counted donor");
		StatementCounter.start();
		for (int i = 0; i < REQUESTS; i++) {
			assertThat(browser.browse("/donor/pledges").status()).isEqualTo(200);
		}
		return StatementCounter.stop();
	}

}
