package org.coopflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.coopflow.CoopflowTest;
import org.coopflow.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The standards page in headless Chromium, as an administrator uses it: a standard added from the header's
 * Standards, refused first for a missing adoption, then corrected in its row; then an officer finds it among
 * the standards a new programme may promote. Runs with {@code -Pbrowser}.
 */
@CoopflowTest
class StandardsPageBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final HeadlessChromium.Session chromium = new HeadlessChromium.Session();

	@LocalServerPort
	int port;

	private WebDriver browser() {
		return chromium.driver();
	}

	@Test
	void anAdministratorAddsAStandardThatOfficersThenOffer() {
		chromium.signOut(port);
		HeadlessChromium.signIn(browser(), port, "admin");
		HeadlessChromium.follow(browser(), browser().findElement(By.linkText("Standards")));
		assertThat(browser().getTitle()).isEqualTo("Standards · coopflow");
		assertThat(browser().findElement(By.id("standard-TOKYO-RULES")).getText()).contains("Tokyo Rules");

		String code = StandardsAdministrationTests.uniqueCode("BEIJING");
		HeadlessChromium.type(browser(), "code", code);
		HeadlessChromium.type(browser(), "title", "Rules for juvenile justice");
		HeadlessChromium.follow(browser(), browser().findElement(By.xpath("//button[text()='Add standard']")));
		assertThat(browser().findElement(By.id("add-errors")).getText()).contains("Adopted or endorsed by: is required");
		assertThat(browser().findElement(By.id("code")).getAttribute("value")).isEqualTo(code);

		HeadlessChromium.type(browser(), "adoptedBy", "GA res. 40/33 of 29 November 1985");
		HeadlessChromium.follow(browser(), browser().findElement(By.xpath("//button[text()='Add standard']")));
		assertThat(browser().findElement(By.id("done")).getText()).contains("Added Rules for juvenile justice (" + code + ")");

		WebElement row = browser().findElement(By.id("standard-" + code));
		row.findElement(By.tagName("summary")).click();
		WebElement title = row.findElement(By.name("title"));
		title.clear();
		// not the seeded Beijing Rules' own title: two standards cannot share one
		title.sendKeys("Rules for juvenile justice, as adopted (the Beijing draft)");
		HeadlessChromium.follow(browser(), row.findElement(By.xpath(".//button[text()='Save']")));
		assertThat(browser().findElement(By.id("done")).getText()).contains("(the Beijing draft) (" + code + ")");
		assertThat(browser().findElement(By.id("standard-" + code)).getText()).contains("(the Beijing draft)")
			.contains("GA res. 40/33 of 29 November 1985");
		HeadlessChromium.screenshot(browser(), SCREENSHOTS, "standards-added-1280");

		chromium.signOut(port);
		HeadlessChromium.signIn(browser(), port, "officerOhchr");
		browser().get("http://localhost:" + port + "/programmes/new");
		// the new standard's own box, by its code: another test may have added a standard of the same title
		assertThat(browser().findElement(By.xpath("//input[@name='standards'][@value='" + code + "']/..")).getText())
			.contains("(the Beijing draft)");
	}

}
