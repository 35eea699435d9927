package org.coopflow.activities;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import org.coopflow.CoopflowTest;
import org.coopflow.HeadlessChromium;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The implementation pages in headless Chromium, as an officer uses them: open the funded programme
 * from the list, plan an activity (after a mistake the form names), record spending and be stopped
 * beyond the funds received until a reason is given; and on a phone-sized screen. Runs with
 * {@code -Pbrowser}.
 */
@CoopflowTest
class ImplementationPagesBrowserTests {

	@RegisterExtension
	static final HeadlessChromium.Session chromium = new HeadlessChromium.Session();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static WebDriver browser() {
		return chromium.driver();
	}

	@BeforeEach
	void signOut() {
		chromium.signOut(port);
	}

	private void type(String id, String text) {
		WebElement field = browser().findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private void date(String id, String isoDate) {
		((JavascriptExecutor) browser()).executeScript("arguments[0].value = arguments[1]", browser().findElement(By.id(id)),
				isoDate);
	}

	@Test
	void anOfficerPlansAnActivityAndRecordsSpendingOnIt() {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port));
		long programmeId = fixtures.fundedProgramme("50000.00", "donorNorway", "20000");
		String title = fixtures.pledges().programmes().get(programmeId).path("title").asText();

		HeadlessChromium.signIn(browser(), port, "officerCpcjd");
		HeadlessChromium.follow(browser(), browser().findElement(By.linkText("Implementation")));
		HeadlessChromium.follow(browser(), browser().findElement(By.linkText(title)));
		assertThat(browser().findElement(By.id("received")).getText()).isEqualTo("USD 20,000");

		new Select(browser().findElement(By.id("type"))).selectByValue("TRAINING");
		type("title", "Training of prison staff in Kisumu");
		new Select(browser().findElement(By.id("country"))).selectByValue("KE");
		browser().findElement(By.cssSelector("input[name=standards][value=TOKYO-RULES]")).click();
		String today = PledgeFixtures.today().toString();
		date("plannedStart", today);
		date("plannedEnd", PledgeFixtures.today().minusDays(1).toString());
		type("budgetLine", "BL-TRAINING");
		type("milestones", PledgeFixtures.today().plusDays(10) + " Curriculum agreed");
		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("#plan-form button[type=submit]")));
		assertThat(browser().findElement(By.id("error-summary")).getText()).contains("must not be before plannedStart");
		assertThat(browser().findElement(By.id("title")).getAttribute("value")).as("kept as typed")
			.isEqualTo("Training of prison staff in Kisumu");

		date("plannedEnd", PledgeFixtures.today().plusMonths(2).toString());
		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("#plan-form button[type=submit]")));
		assertThat(browser().findElement(By.id("done")).getText()).contains("planned");
		long activityId = jdbc.sql("SELECT id FROM activity WHERE programme_id = ?").param(programmeId).query(Long.class).single();
		WebElement activity = browser().findElement(By.id("activity-" + activityId));
		assertThat(activity.getText()).contains("Training of prison staff in Kisumu").contains("Planned")
			.contains("Curriculum agreed");

		type("spend-" + activityId + "-amount", "25000.00");
		date("spend-" + activityId + "-spentOn", today);
		type("spend-" + activityId + "-description", "Venue and interpreters");
		HeadlessChromium.follow(browser(), activity.findElement(By.cssSelector("button[type=submit]")));
		assertThat(browser().findElement(By.id("error-summary")).getText()).contains("above the 20000.00 received");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM activity_expenditure WHERE programme_id = ?").param(programmeId)
			.query(Long.class).single()).isZero();

		type("spend-" + activityId + "-overrideReason", "The second payment is confirmed; the venue must be booked now");
		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("#activity-" + activityId + " button[type=submit]")));
		assertThat(browser().findElement(By.id("spent")).getText()).isEqualTo("USD 25,000");
		assertThat(browser().findElement(By.id("left")).getText()).isEqualTo("USD 0");
		assertThat(browser().findElement(By.id("overspent")).getText()).isEqualTo("USD 5,000");

		browser().manage().window().setSize(new Dimension(375, 800));
		browser().navigate().refresh();
		HeadlessChromium.assertFitsWidth(browser(), "implementation page", 375);
	}

	@Test
	void aCoordinatorReadsBothOfficesImplementationsWithoutForms() {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port));
		long programmeId = fixtures.fundedProgramme("1000.00", "donorJapan", "0");
		HeadlessChromium.signIn(browser(), port, "coordinatorOhchr");
		HeadlessChromium.follow(browser(), browser().findElement(By.linkText("Implementation")));
		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("a[href$='/implementation/" + programmeId + "']")));
		assertThat(browser().findElement(By.id("received")).getText()).isEqualTo("USD 0");
		assertThat(browser().findElements(By.id("plan-form"))).as("coordinators read only").isEmpty();
		assertThat(browser().findElement(By.cssSelector("#reports-hint a[href$='/programmes/" + programmeId + "#results']"))
			.getText()).as("where the actuals a report waits for are entered").isEqualTo("programme's results");
	}

	@Test
	void donorsCannotOpenTheImplementationPages() {
		HeadlessChromium.signIn(browser(), port, "donorNorway");
		browser().get("http://localhost:" + port + "/implementation");
		assertThat(browser().getPageSource()).doesNotContain("Programmes being implemented");
	}

}
