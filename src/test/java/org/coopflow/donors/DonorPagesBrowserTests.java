package org.coopflow.donors;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.HeadlessChromium;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.programmes.ProgrammeFixtures;
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
 * The donor pages in headless Chromium, used as a donor uses them: sign in, find a programme, pledge,
 * follow the pledge, read the chart; and on a phone-sized screen. Runs with {@code -Pbrowser}.
 */
@CoopflowTest
class DonorPagesBrowserTests {

	@RegisterExtension
	static final HeadlessChromium.Session chromium = new HeadlessChromium.Session();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final ObjectMapper json = new ObjectMapper();

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

	private void signIn(String user) {
		HeadlessChromium.signIn(browser(), port, user);
	}

	/** A programme open for funding, created and opened as the officers would, with its own title. */
	private long openProgramme(String title, String country, String standard) {
		ObjectNode draft = ProgrammeFixtures.draft(title);
		draft.putArray("countries").add(country);
		draft.putArray("standards").add(standard);
		return new ProgrammeFixtures(TestHttp.api(port)).open("officerCpcjd", draft);
	}

	/** Committed money: Japan's pledge to the programme, verified and agreed. */
	private void commit(long programmeId, String amount) {
		new PledgeFixtures(TestHttp.api(port)).agreed("donorJapan", PledgeFixtures.toProgramme(amount, "USD", programmeId),
				"0");
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
		HeadlessChromium.follow(browser(), browser().findElement(By.linkText("Programmes open for funding")));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Programmes open for funding");
		new Select(browser().findElement(By.id("standard"))).selectByValue("BP-LAWYERS");
		new Select(browser().findElement(By.id("country"))).selectByVisibleText("Fiji");
		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("form.filters button[type=submit]")));

		assertThat(browser().getCurrentUrl()).contains("standard=BP-LAWYERS").contains("country=FJ");
		assertThat(browser().findElements(By.id("programme-" + prosecutors))).isEmpty();
		WebElement card = browser().findElement(By.id("programme-" + lawyers));
		WebElement progress = card.findElement(By.tagName("progress"));
		assertThat(progress.getAttribute("value")).isEqualTo("25");
		assertThat(progress.getAttribute("max")).isEqualTo("100");
		// the bar has a label and its figures are in text too, not only drawn
		assertThat(card.findElement(By.cssSelector("label[for='progress-" + lawyers + "']")).getText())
			.isEqualTo("Committed funding");
		assertThat(card.getText()).contains("25% committed: USD 62,500 of USD 250,000");
		assertThat(card.getText()).contains("Fiji").contains("Basic Principles on the Role of Lawyers").doesNotContain("BP-LAWYERS");
	}

	/** Sets a field as a person would type it; date inputs take their value in ISO form whatever the locale. */
	private void fill(String id, String value) {
		WebElement input = browser().findElement(By.id(id));
		if ("date".equals(input.getAttribute("type"))) {
			((JavascriptExecutor) browser()).executeScript("arguments[0].value = arguments[1]", input, value);
		}
		else {
			input.clear();
			input.sendKeys(value);
		}
	}

	private String errorOf(String id) {
		return browser().findElement(By.id(id + "-error")).getText();
	}

	@Test
	void donorPledgesToAProgrammeInTwoInstalmentsAndFollowsItInMyPledgesAndTheChart() {
		String title = unique("Judicial independence in Ghana");
		long programme = openProgramme(title, "GH", "BP-JUDICIARY");
		signIn("donorNorway");
		browser().get(url("/donor/programmes?standard=BP-JUDICIARY&country=GH"));
		HeadlessChromium.follow(browser(), browser().findElement(By.id("programme-" + programme)).findElement(By.partialLinkText("Pledge to")));

		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Pledge");
		assertThat(browser().findElement(By.id("earmarking-PROGRAMME")).isSelected()).isTrue();
		assertThat(browser().findElement(By.id("programmeId-hint")).getText()).contains(title);
		// with script, one empty instalment row shows; the others wait for "Add an instalment"
		assertThat(browser().findElement(By.id("instalment-2-dueDate")).isDisplayed()).isFalse();
		fill("amount", "1000.00");
		fill("currency", "USD");
		fill("instalment-1-dueDate", LocalDate.now().plusDays(60).toString());
		fill("instalment-1-amount", "400.00");
		browser().findElement(By.id("add-instalment")).click();
		assertThat(browser().switchTo().activeElement().getAttribute("id")).isEqualTo("instalment-2-dueDate");
		fill("instalment-2-dueDate", LocalDate.now().plusDays(150).toString());
		fill("instalment-2-amount", "600.00");
		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("#pledge-form button[type=submit]")));

		WebElement recorded = browser().findElement(By.id("recorded"));
		long id = Long.parseLong(recorded.getText().replaceAll("\\D", ""));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("My pledges");
		WebElement pledge = browser().findElement(By.id("pledge-" + id));
		assertThat(pledge.findElement(By.tagName("h2")).getText()).contains("USD 1,000").contains("Pledged");
		assertThat(pledge.getText()).contains("Programme: " + title);
		List<WebElement> instalments = pledge.findElements(By.cssSelector("table tbody tr"));
		assertThat(instalments).hasSize(2);
		assertThat(instalments.get(0).getText()).contains("USD 400").contains("Due");
		assertThat(instalments.get(1).getText()).contains("USD 600");
		assertThat(pledge.findElement(By.tagName("caption")).getText()).isEqualTo("Instalments of pledge " + id);
		assertThat(pledge.findElement(By.cssSelector("ol.timeline")).getText()).contains("Announced").contains("Ingrid Ødegård (Norway)");

		HeadlessChromium.follow(browser(), browser().findElement(By.linkText("Chart")));
		assertThat(browser().findElements(By.cssSelector("figure.chart svg[role=img]"))).hasSize(2);
		WebElement judiciary = browser().findElement(By.xpath("//table[@id='pledge-table']//tr[contains(., 'Basic Principles on the Independence of the Judiciary')]"));
		assertThat(judiciary.getText()).contains("1,000.00");
		assertThat(browser().findElement(By.cssSelector("#by-standard svg")).getText()).contains("Independence of the");
	}

	@Test
	void aBadAmountIsExplainedNextToTheField() {
		signIn("donorJapan");
		HeadlessChromium.follow(browser(), browser().findElement(By.linkText("Pledge")));
		fill("amount", "-250");
		new Select(browser().findElement(By.id("office"))).selectByValue("CPCJD");
		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("#pledge-form button[type=submit]")));

		WebElement summary = browser().findElement(By.id("error-summary"));
		assertThat(summary.getAttribute("role")).isEqualTo("alert");
		assertThat(summary.getText()).contains("Amount: must be more than zero");
		assertThat(errorOf("amount")).isEqualTo("Error: must be more than zero");
		WebElement amount = browser().findElement(By.id("amount"));
		assertThat(amount.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(amount.getAttribute("aria-describedby")).contains("amount-error");
		assertThat(amount.getAttribute("value")).isEqualTo("-250");
		// the summary's link takes the donor to the field
		summary.findElement(By.linkText("Amount: must be more than zero")).click();
		assertThat(browser().getCurrentUrl()).endsWith("#amount");
	}

	@Test
	void anOverdueInstalmentIsMarkedInWords() {
		long id = committedPledgeWithAnInstalmentPastDue("donorJapan");
		signIn("donorJapan");
		browser().get(url("/donor/pledges"));
		WebElement pledge = browser().findElement(By.id("pledge-" + id));
		assertThat(pledge.findElement(By.tagName("h2")).getText()).contains("Agreed").contains("Overdue");
		List<WebElement> instalments = pledge.findElements(By.cssSelector("table tbody tr"));
		assertThat(instalments.get(0).getText()).contains("Overdue");
		assertThat(instalments.get(1).getText()).doesNotContain("Overdue").contains("Due");
	}

	/** A pledge whose agreement is signed and whose first instalment fell due, unpaid, a week ago. */
	private long committedPledgeWithAnInstalmentPastDue(String donor) {
		TestHttp api = TestHttp.api(port);
		ObjectNode body = json.createObjectNode().put("amount", "900.00").put("currency", "USD").put("office", "CPCJD");
		body.putArray("instalments")
			.add(json.createObjectNode().put("dueDate", LocalDate.now().plusDays(10).toString()).put("amount", "300.00"))
			.add(json.createObjectNode().put("dueDate", LocalDate.now().plusDays(200).toString()).put("amount", "600.00"));
		TestHttp.Response created = api.sendWithHeaders("POST", "/api/pledges", donor,
				java.util.Map.of("Idempotency-Key", UUID.randomUUID().toString()), "application/json", body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		for (String[] step : new String[][] { { "verification", "{\"verified\": true}" }, { "agreement",
				"{\"agreementDate\": \"" + LocalDate.now() + "\", \"agreementReference\": \"BT/" + id + "\"}" } }) {
			TestHttp.Response done = api.send("PUT", "/api/pledges/" + id + "/" + step[0], "officerCpcjd", "application/json",
					step[1]);
			assertThat(done.status()).as(done.body()).isEqualTo(200);
		}
		// time passes: the first instalment's date is now behind us. The API refuses due dates in the past, and
		// moving the engine's clock would fire every timer of the shared test context, so the row is dated back
		jdbc.sql("UPDATE pledge_instalment SET due_date = ? WHERE pledge_id = ? AND seq = 1")
			.params(LocalDate.now().minusDays(7), id)
			.update();
		return id;
	}

	@Test
	void pagesFitAPhoneWithoutScrollingSideways() {
		openProgramme(unique("A programme with a rather long title that must wrap on a small screen"), "KE",
				"BP-FORCE-FIREARMS");
		signIn("donorJapan");
		browser().manage().window().setSize(new Dimension(375, 812));
		committedPledgeWithAnInstalmentPastDue("donorJapan");
		for (String page : List.of("/", "/donor/programmes", "/donor/programmes?standard=BP-FORCE-FIREARMS&country=KE",
				"/donor/pledges/new", "/donor/pledges", "/donor/chart")) {
			browser().get(url(page));
			HeadlessChromium.assertFitsWidth(browser(), page, 375);
		}
	}

}
