package org.coopflow.programmepages;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coopflow.CoopflowTest;
import org.coopflow.HeadlessChromium;
import org.coopflow.TestPortfolio;
import org.coopflow.programmes.ImportFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The programme pages in headless Chromium, as an officer uses them: a new programme with mistakes, the
 * errors, the corrections, the draft's page, its submission and its review; then every programme page
 * at a phone's and a desktop's width without sideways scrolling, each kept as a screenshot under
 * {@code target/screenshots/programmes}. Runs with {@code -Pbrowser}.
 */
@CoopflowTest
class ProgrammePagesBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots", "programmes");

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

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void anOfficerCreatesAProgrammeFixesItsErrorsAndSubmitsIt() {
		HeadlessChromium.signIn(browser(), port, "officerCpcjd");
		browser().get(url("/programmes"));
		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("main a[href='/programmes/new']")));

		String title = "Independent judges for Malawi " + UUID.randomUUID();
		chromium.type("title", title);
		chromium.type("budgetAmount", "120.000,50");
		chromium.submit("form");

		WebElement summary = browser().findElement(By.id("error-summary"));
		assertThat(summary.getText()).contains("Description: is required", "Standards: choose at least one",
				"Activity types: choose at least one", "Planned start: is required", "Budget amount: '120.000,50' is not an amount", "Beneficiary countries: ");
		assertThat(browser().findElement(By.id("budgetAmount-error")).getText()).startsWith("Error: ");
		assertThat(browser().findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
		screenshot("new-with-errors-1280");

		LocalDate[] period = TestPortfolio.period();
		chromium.type("description", "Training judges of Malawi in the Basic Principles on the Independence of the Judiciary");
		new Select(browser().findElement(By.id("countries"))).selectByValue("MW");
		browser().findElement(By.cssSelector("input[name=standards][value=BP-JUDICIARY]")).click();
		browser().findElement(By.cssSelector("input[name=activityTypes][value=TRAINING]")).click();
		browser().findElement(By.cssSelector("input[name=commonSectors][value='15130']")).click();
		chromium.date("plannedStart", period[0]);
		chromium.date("plannedEnd", period[1]);
		chromium.type("budgetAmount", "120000.50");
		chromium.submit("form");

		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(browser().findElement(By.id("status")).getText()).contains("Draft");
		assertThat(browser().findElement(By.id("funding-gap")).getText()).isEqualTo("USD 120,000.50");
		assertThat(browser().findElement(By.id("history")).getText()).contains("Created as a draft by Amina Diallo");
		assertThat(browser().findElement(By.id("facts")).getText()).contains("15130 Legal and judicial development");
		String page = browser().getCurrentUrl();

		chromium.submit("submit");
		assertThat(browser().findElement(By.id("notice")).getText()).contains("The proposal was submitted");
		new WebDriverWait(browser(), Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
			driver.get(page);
			return driver.findElement(By.id("status")).getText().contains("Under review");
		});
		assertThat(browser().findElement(By.id("history")).getText()).contains("Submitted as a funding proposal");
		// four eyes: the review waits for another officer of the office, so its author is not offered it
		assertThat(browser().findElements(By.id("tasks"))).isEmpty();
		assertThat(browser().findElement(By.id("no-tasks")).getText()).contains("yours to open");
		assertThat(browser().findElements(By.id("edit"))).isEmpty();
		screenshot("under-review-1280");
	}

	@Test
	void anOfficerUploadsACsvFileAndReadsTheReport() throws IOException {
		HeadlessChromium.signIn(browser(), port, "officerCpcjd");
		browser().get(url("/programmes/imports/new"));
		String title = "Uploaded " + UUID.randomUUID();
		Map<String, String> bad = ImportFiles.validRow(title + " bad");
		bad.put("plannedEnd", "2026-13-45");
		Path file = Files.createDirectories(Path.of("target", "chromium")).resolve("portfolio-" + UUID.randomUUID() + ".csv");
		Files.writeString(file, ImportFiles.file(ImportFiles.validRow(title + " good"), bad));
		browser().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		chromium.submit("import");
		assertThat(browser().findElement(By.id("rejected")).getText()).contains("Nothing was imported",
				"1 of 2 rows were refused");
		assertThat(browser().findElement(By.id("refused")).getText()).contains("3 plannedEnd");

		Files.writeString(file, ImportFiles.file(ImportFiles.validRow(title + " good")));
		browser().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		chromium.submit("import");
		assertThat(browser().findElement(By.id("report")).getText())
			.contains("1 programme was imported from " + file.getFileName() + " as a draft of CPCJD.");
		screenshot("import-report-1280");
	}

	@Test
	void everyProgrammePageFitsAPhoneAndADesktopWithoutSidewaysScrolling() {
		HeadlessChromium.signIn(browser(), port, "officerOhchr");
		browser().get(url("/programmes/new"));
		LocalDate[] period = TestPortfolio.period();
		chromium.type("title", "Lawyers' rights in Peru, a rather long title that has to wrap on a phone " + UUID.randomUUID());
		chromium.type("description", "Training lawyers on the Basic Principles on the Role of Lawyers");
		new Select(browser().findElement(By.id("countries"))).selectByValue("PE");
		browser().findElement(By.cssSelector("input[name=standards][value=BP-LAWYERS]")).click();
		browser().findElement(By.cssSelector("input[name=activityTypes][value=ADVISORY_SERVICES]")).click();
		chromium.date("plannedStart", period[0]);
		chromium.date("plannedEnd", period[1]);
		chromium.type("budgetAmount", "75000");
		chromium.submit("form");
		String programme = browser().getCurrentUrl().replace(url(""), "");

		List<String> pages = List.of("/programmes", "/programmes?office=ALL&gap=OPEN", "/programmes/new",
				programme, programme + "/edit", "/programmes/imports/new", "/programmes?status=NOPE");
		for (int width : new int[] { 375, 1280 }) {
			browser().manage().window().setSize(new Dimension(width, 900));
			for (String path : pages) {
				browser().get(url(path));
				HeadlessChromium.assertFitsWidth(browser(), path + " at " + width + " px", width);
				screenshot(path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + "-" + width);
			}
		}
		browser().manage().window().setSize(new Dimension(375, 900));
		browser().get(url("/programmes/new"));
		chromium.submit("form");
		HeadlessChromium.assertFitsWidth(browser(), "the form with every error, at 375 px", 375);
		screenshot("new-with-errors-375");
	}

	private static void screenshot(String name) {
		HeadlessChromium.screenshot(browser(), SCREENSHOTS, name);
	}

}
