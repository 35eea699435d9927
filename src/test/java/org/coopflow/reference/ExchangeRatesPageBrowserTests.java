package org.coopflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.coopflow.CoopflowTest;
import org.coopflow.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rates page in headless Chromium, as an officer does the month's update: opened from the header's Rates,
 * a file refused for one bad line, the corrected file imported, then one currency corrected by hand. Runs with
 * {@code -Pbrowser}.
 */
@CoopflowTest
class ExchangeRatesPageBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final HeadlessChromium.Session chromium = new HeadlessChromium.Session();

	@LocalServerPort
	int port;

	@TempDir
	Path files;

	private WebDriver browser() {
		return chromium.driver();
	}

	private void importFile(String name, String csv) throws IOException {
		Path file = Files.writeString(files.resolve(name), csv);
		browser().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		HeadlessChromium.follow(browser(), browser().findElement(By.xpath("//button[text()='Import']")));
	}

	@Test
	void anOfficerImportsTheMonthsRatesAndCorrectsOne() throws IOException {
		chromium.signOut(port);
		HeadlessChromium.signIn(browser(), port, "officerOhchr");
		HeadlessChromium.follow(browser(), browser().findElement(By.linkText("Rates")));
		assertThat(browser().getTitle()).isEqualTo("Rates of exchange · coopflow");

		importFile("bad.csv", "currency,month,unitsPerUsd\nCHF,2038-06,0.88\nGBP,2038-06,-1\n");
		assertThat(browser().findElement(By.id("rejected")).getText()).contains("Nothing was imported").contains("bad.csv");
		assertThat(browser().findElement(By.id("refused")).getText()).contains("3").contains("unitsPerUsd");

		importFile("june.csv", "currency,month,unitsPerUsd\nCHF,2038-06,0.88\nGBP,2038-06,0.79\n");
		assertThat(browser().findElement(By.id("done")).getText())
			.contains("2 rates imported from june.csv, for June 2038");
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Rates of exchange, June 2038");
		assertThat(browser().findElement(By.id("rate-GBP")).getText()).contains("British Pound").contains("1 USD = 0.79 GBP");
		assertThat(browser().findElement(By.id("entered-by")).getText()).isEqualTo("Entered by Carlos Peña (2 rates).");

		new Select(browser().findElement(By.id("currency"))).selectByValue("GBP");
		HeadlessChromium.type(browser(), "unitsPerUsd", "0.785");
		HeadlessChromium.follow(browser(), browser().findElement(By.xpath("//button[text()='Enter rate']")));
		assertThat(browser().findElement(By.id("done")).getText()).contains("Entered for June 2038: 1 USD = 0.785 GBP");
		assertThat(browser().findElement(By.id("rate-GBP")).getText()).contains("1 USD = 0.785 GBP");
		HeadlessChromium.screenshot(browser(), SCREENSHOTS, "exchange-rates-1280");

		HeadlessChromium.follow(browser(), browser().findElement(By.id("next-month")));
		assertThat(browser().findElement(By.id("missing")).getText()).contains("Not entered yet for July 2038")
			.contains("Swiss Franc (CHF), British Pound (GBP)");
	}

}
