package org.coopflow.reporting;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import org.coopflow.CoopflowTest;
import org.coopflow.HeadlessChromium;
import org.coopflow.TestHttp;
import org.coopflow.activities.ImplementationFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reporting pages in headless Chromium, as people use them: a donor follows a pledge from My pledges
 * to what it paid for, an officer opens the portfolio and narrows it to one office; both on a phone-sized
 * screen too. Runs with {@code -Pbrowser}.
 */
@CoopflowTest
class ReportingPagesBrowserTests {

	@RegisterExtension
	static final HeadlessChromium.Session chromium = new HeadlessChromium.Session();

	@LocalServerPort
	int port;

	private static WebDriver browser() {
		return chromium.driver();
	}

	@BeforeEach
	void signOut() {
		chromium.signOut(port);
	}

	@Test
	void aDonorFollowsAPledgeToWhatItPaidFor() {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port));
		long programmeId = fixtures.openProgramme("30000.00", "USD");
		long pledgeId = fixtures.pledge(programmeId, "donorJapan", "30000.00", "12000");
		fixtures.markFunded(programmeId);
		long activity = fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Training of magistrates"))
			.path("id").asLong();
		fixtures.pledges().step("POST", "/api/activities/" + activity + "/expenditures", "officerCpcjd",
				ImplementationFixtures.expenditure("3000.00").toString(), 201);

		HeadlessChromium.signIn(browser(), port, "donorJapan");
		HeadlessChromium.follow(browser(), browser().findElement(By.linkText("My pledges")));
		HeadlessChromium.follow(browser(), browser().findElement(By.id("report-link-" + pledgeId)));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("What pledge " + pledgeId + " did");
		assertThat(browser().findElement(By.id("money-pledged")).getText()).isEqualTo("Pledged 30,000.00");
		assertThat(browser().findElement(By.id("money-received")).getText()).isEqualTo("Received 12,000.00");
		assertThat(browser().findElement(By.id("money-spent")).getText()).isEqualTo("Spent 3,000.00");
		assertThat(browser().findElement(By.id("money-caption")).getText()).as("a pledge in dollars has one column")
			.isEqualTo("From pledged to spent, in US dollars");
		assertThat(browser().findElement(By.id("activity-" + activity)).getText()).contains("Training of magistrates",
				"Planned", "0 of 0");
		assertThat(browser().findElement(By.id("no-reports")).isDisplayed()).isTrue();

		browser().manage().window().setSize(new Dimension(375, 800));
		browser().navigate().refresh();
		HeadlessChromium.assertFitsWidth(browser(), "pledge report", 375);
	}

	@Test
	void anOfficerNarrowsThePortfolioToOneOffice() {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port));
		long open = fixtures.openProgramme("700000000.00", "USD");
		HeadlessChromium.signIn(browser(), port, "officerOhchr");
		HeadlessChromium.follow(browser(), browser().findElement(By.linkText("Portfolio")));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Portfolio of both offices");
		assertThat(browser().findElements(By.id("gap-" + open))).hasSize(1);

		new Select(browser().findElement(By.id("office"))).selectByValue("OHCHR");
		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("form button[type=submit]:not(.link)")));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Portfolio of OHCHR");
		assertThat(browser().findElements(By.id("gap-" + open))).as("a CPCJD programme").isEmpty();

		browser().manage().window().setSize(new Dimension(375, 800));
		browser().navigate().refresh();
		HeadlessChromium.assertFitsWidth(browser(), "portfolio", 375);
	}

}
