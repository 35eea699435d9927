package org.coopflow.donors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.programmes.ProgrammeApiTestsAccess;
import org.coopflow.programmes.ProgrammeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The donor pages in headless Chromium, used as a donor uses them: sign in, find a programme, pledge,
 * follow the pledge, read the chart; and on a phone-sized screen. Runs with {@code -Pbrowser}.
 */
@CoopflowTest
class DonorPagesBrowserTests {

	private static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	JdbcClient jdbc;

	private final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void signOut() {
		browser.manage().window().setSize(new Dimension(1280, 1000));
		browser.get(url("/login"));
		browser.manage().deleteAllCookies();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void signIn(String user) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(TestHttp.DEMO_PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.getTitle().equals("coopflow"));
	}

	/** A programme open for funding, created and opened as the officers would, with its own title. */
	private long openProgramme(String title, String country, String standard) {
		ObjectNode draft = ProgrammeApiTestsAccess.draft(json, title);
		draft.putArray("countries").add(country);
		draft.putArray("standards").add(standard);
		TestHttp.Response created = TestHttp.api(port)
			.send("POST", "/api/programmes", "officerCpcjd", "application/json", draft.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		programmes.submit(id, "officerCpcjd");
		programmes.awaitReview(id);
		programmes.openForFunding(id, "reviewerCpcjd");
		return id;
	}

	/** Committed money as the pledges module records it for a programme (here without a pledge behind it). */
	private void commit(long programmeId, String amount) {
		jdbc.sql("""
				INSERT INTO programme_funding_entry (programme_id, pledge_ref, stage, amount, amount_usd, recorded_at)
				VALUES (?, ?, 'COMMITTED', ?, ?, CURRENT_TIMESTAMP)""")
			.params(programmeId, "browser-test-" + UUID.randomUUID(), new java.math.BigDecimal(amount),
					new java.math.BigDecimal(amount))
			.update();
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void donorFiltersProgrammesByStandardAndCountryAndSeesHowFarEachIsFunded() {
		long lawyers = openProgramme(unique("Legal aid in Fiji"), "FJ", "BP-LAWYERS");
		long prosecutors = openProgramme(unique("Prosecutors in Fiji"), "FJ", "GL-PROSECUTORS");
		commit(lawyers, "62500.00");

		signIn("donorNorway");
		browser.findElement(By.linkText("Programmes open for funding")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Programmes open for funding");
		new Select(browser.findElement(By.id("standard"))).selectByValue("BP-LAWYERS");
		new Select(browser.findElement(By.id("country"))).selectByVisibleText("Fiji");
		browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();

		assertThat(browser.getCurrentUrl()).contains("standard=BP-LAWYERS").contains("country=FJ");
		assertThat(browser.findElements(By.id("programme-" + prosecutors))).isEmpty();
		WebElement card = browser.findElement(By.id("programme-" + lawyers));
		WebElement progress = card.findElement(By.tagName("progress"));
		assertThat(progress.getAttribute("value")).isEqualTo("25");
		assertThat(progress.getAttribute("max")).isEqualTo("100");
		// the bar has a label and its figures are in text too, not only drawn
		assertThat(card.findElement(By.cssSelector("label[for='progress-" + lawyers + "']")).getText())
			.isEqualTo("Committed funding");
		assertThat(card.getText()).contains("25% committed: USD 62,500.00 of USD 250,000.00");
		assertThat(card.getText()).contains("Fiji").contains("BP-LAWYERS");
	}

	@Test
	void pagesFitAPhoneWithoutScrollingSideways() {
		openProgramme(unique("A programme with a rather long title that must wrap on a small screen"), "KE",
				"BP-FORCE-FIREARMS");
		signIn("donorJapan");
		browser.manage().window().setSize(new Dimension(375, 812));
		for (String page : List.of("/", "/donor/programmes", "/donor/programmes?standard=BP-FORCE-FIREARMS&country=KE",
				"/donor/chart")) {
			browser.get(url(page));
			JavascriptExecutor script = (JavascriptExecutor) browser;
			long viewport = (Long) script.executeScript("return window.innerWidth");
			long content = (Long) script.executeScript("return document.documentElement.scrollWidth");
			assertThat(viewport).as(page).isLessThanOrEqualTo(375);
			assertThat(content).as(page + " scrolls sideways").isLessThanOrEqualTo(viewport);
		}
	}

}
