package org.coopflow.overlap;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.coopflow.CoopflowTest;
import org.coopflow.HeadlessChromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The overlap pages in headless Chromium, used as a coordinator uses them: find the open alert, narrow
 * the list, compare the two programmes, read the chart; and on a phone-sized screen. Each test raises
 * its alerts in a country of its own, so that the counts it reads are its own. Runs with
 * {@code -Pbrowser}.
 */
@CoopflowTest
class OverlapPagesBrowserTests {

	@RegisterExtension
	static final HeadlessChromium.Session chromium = new HeadlessChromium.Session();

	@LocalServerPort
	int port;

	@Autowired
	OverlapAlerts alerts;

	@Autowired
	TransactionTemplate transaction;

	private TestAlerts test;

	private static WebDriver browser() {
		return chromium.driver();
	}

	@BeforeEach
	void signOut() {
		test = new TestAlerts(port, alerts, transaction);
		chromium.signOut(port);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void coordinatorFindsTheOpenAlertComparesTheProgrammesAndReadsTheChart() {
		String cpcjdTitle = unique("Prison reform in Bhutan");
		String ohchrTitle = unique("Rights of detainees in Bhutan");
		long cpcjd = test.programme("officerCpcjd", cpcjdTitle, "BT", "SMR-PRISONERS");
		long ohchr = test.programme("officerOhchr", ohchrTitle, "BT", "SMR-PRISONERS");
		long high = test.raise(cpcjd, ohchr, Set.of("CPCJD", "OHCHR"), "HIGH", "BT", "SMR-PRISONERS");
		long low = test.raise(test.programme("officerCpcjd", unique("Courts in Bhutan"), "BT", "BP-JUDICIARY"),
				test.programme("officerCpcjd", unique("Judges in Bhutan"), "BT", "BP-JUDICIARY"), Set.of("CPCJD"), "LOW",
				"BT", "BP-JUDICIARY");

		HeadlessChromium.signIn(browser(), port, "coordinatorCpcjd");
		HeadlessChromium.follow(browser(), browser().findElement(By.linkText("Overlap alerts")));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Overlap alerts");
		// open alerts by default, strongest first: both are there before filtering
		assertThat(new Select(browser().findElement(By.id("status"))).getFirstSelectedOption().getText()).isEqualTo("Open");
		new Select(browser().findElement(By.id("country"))).selectByVisibleText("Bhutan");
		new Select(browser().findElement(By.id("severity"))).selectByVisibleText("High");
		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("form.filters button[type=submit]")));

		assertThat(browser().getCurrentUrl()).contains("country=BT").contains("severity=HIGH");
		assertThat(browser().findElements(By.id("alert-" + low))).isEmpty();
		WebElement row = browser().findElement(By.id("alert-" + high));
		assertThat(row.getText()).contains(cpcjdTitle, "(CPCJD)", ohchrTitle, "(OHCHR)", "High", "81.2 % similar",
				"Similar text, Shared standards").doesNotContain("Same office");
		assertThat(browser().findElement(By.cssSelector("#alerts caption")).getText()).isEqualTo("Overlap alerts, strongest first");

		HeadlessChromium.follow(browser(), row.findElement(By.linkText("Alert " + high)));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Overlap alert " + high);
		WebElement first = browser().findElement(By.id("programme-" + Math.min(cpcjd, ohchr)));
		WebElement second = browser().findElement(By.id("programme-" + Math.max(cpcjd, ohchr)));
		assertThat(first.getText() + second.getText()).contains(cpcjdTitle, ohchrTitle);
		assertThat(first.getText()).contains("Bhutan (shared)").contains("Standard Minimum Rules for the Treatment of Prisoners (shared)")
			.doesNotContain("SMR-PRISONERS");
		assertThat(second.getText()).contains("Bhutan (shared)");
		// two columns on a wide screen
		assertThat(second.getLocation().getY()).isEqualTo(first.getLocation().getY());
		List<WebElement> signals = browser().findElements(By.cssSelector("#signals tbody tr"));
		assertThat(signals).hasSize(2);
		assertThat(signals.get(0).getText()).contains("Similar text", "+0.4123", "cosine 0.91");
		assertThat(signals.get(1).getText()).contains("Shared standards", "+0.3000");
		// the CPCJD coordinator's own review of this alert
		assertThat(browser().findElement(By.linkText("Review in Tasklist")).getAttribute("href"))
			.contains("/camunda/app/tasklist/default/#/?task=");

		HeadlessChromium.follow(browser(), browser().findElement(By.linkText("Chart")));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Overlap alerts by country and standard");
		new Select(browser().findElement(By.id("country"))).selectByVisibleText("Bhutan");
		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("form.filters button[type=submit]")));
		assertThat(browser().findElement(By.id("result-count")).getText()).isEqualTo("2 alerts counted.");
		assertThat(browser().findElements(By.cssSelector("figure.chart svg[role=img]"))).hasSize(2);
		assertThat(browser().findElement(By.cssSelector("#by-country svg")).getText()).contains("Bhutan");
		assertThat(browser().findElement(By.xpath("//table[@id='country-table']//tr[contains(., 'Bhutan')]")).getText())
			.endsWith("2");
		WebElement standards = browser().findElement(By.id("standard-table"));
		assertThat(standards.findElement(By.tagName("caption")).getText()).startsWith("Alerts by shared standard");
		assertThat(standards.findElement(By.xpath(".//tr[contains(., 'Standard Minimum Rules for the Treatment of Prisoners')]")).getText()).endsWith("1");
		assertThat(standards.findElement(By.xpath(".//tr[contains(., 'Basic Principles on the Independence of the Judiciary')]")).getText()).endsWith("1");
	}

	@Test
	void pagesFitAPhoneAndTheProgrammesStack() {
		long a = test.programme("officerCpcjd", unique("A programme with a rather long title that must wrap on a small screen"),
				"LS", "TOKYO-RULES");
		long b = test.programme("officerOhchr", unique("Another programme whose title is long enough to wrap on a phone"),
				"LS", "TOKYO-RULES");
		long alert = test.raise(a, b, Set.of("CPCJD", "OHCHR"), "MEDIUM", "LS", "TOKYO-RULES");
		HeadlessChromium.signIn(browser(), port, "officerOhchr");
		browser().manage().window().setSize(new Dimension(375, 812));
		for (String page : List.of("/", "/overlap-alerts", "/overlap-alerts?country=LS", "/overlap-alerts/" + alert,
				"/overlap-alerts/chart", "/overlap-alerts/chart?country=LS")) {
			browser().get(url(page));
			HeadlessChromium.assertFitsWidth(browser(), page, 375);
		}
		browser().get(url("/overlap-alerts/" + alert));
		WebElement first = browser().findElement(By.id("programme-" + Math.min(a, b)));
		WebElement second = browser().findElement(By.id("programme-" + Math.max(a, b)));
		assertThat(second.getLocation().getY()).isGreaterThan(first.getLocation().getY() + first.getSize().getHeight() - 1);
		// an officer reads; the coordinators decide in Tasklist
		assertThat(browser().findElements(By.linkText("Review in Tasklist"))).isEmpty();
	}

}
