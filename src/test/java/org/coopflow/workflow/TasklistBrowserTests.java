package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.CoopflowTest;
import org.coopflow.Eventually;
import org.coopflow.HeadlessChromium;
import org.coopflow.TestHttp;
import org.coopflow.overlap.OverlapReviewProcess;
import org.coopflow.overlap.TestAlertsAccess;
import org.coopflow.pledges.PledgeFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda Tasklist's own pages in headless Chromium, worked as officers and coordinators work them:
 * sign in at coopflow's login page, open Tasklist, pick the task in the list, claim it, answer its
 * Camunda Form and complete it. The test only scrolls, clicks and types in the page and sends no
 * request of its own to Tasklist's API, so whatever coopflow demands of a claim or a completion must be
 * what Tasklist sends; the outcome is read back through the API and the engine. Runs with
 * {@code -Pbrowser}.
 */
@CoopflowTest
class TasklistBrowserTests {

	static final String TASKLIST = "/camunda/app/tasklist/default/";

	/** Tasklist's right-hand column, where the open task and its form are drawn. */
	static final String TASK_VIEW = "//section[contains(@class,'task-details')]";

	/** Generous: Tasklist is a large AngularJS app, and the build machine is often busy. */
	static final Duration WAIT = Duration.ofSeconds(60);

	private static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	TasklistFilters filters;

	@Autowired
	HistoryService history;

	@Autowired
	ApplicationContext context;

	/** What the page showed when a test failed, under target/, to read a red run by. */
	@RegisterExtension
	static final TestWatcher keepPageOnFailure = new TestWatcher() {

		@Override
		public void testFailed(ExtensionContext test, Throwable cause) {
			if (browser == null) {
				return;
			}
			try {
				Path folder = Files.createDirectories(Path.of("target", "tasklist-browser"));
				String name = test.getRequiredTestMethod().getName();
				Files.writeString(folder.resolve(name + ".html"), browser.getPageSource());
				Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
			}
			catch (IOException | RuntimeException e) {
				cause.addSuppressed(e);
			}
		}

	};

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

	private WebDriverWait waiting() {
		WebDriverWait wait = new WebDriverWait(browser, WAIT);
		// Angular redraws the task view (after a claim, for one), so an element found a moment ago can go
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	@Test
	void officerClaimsAndVerifiesAPledgeOfTheirOfficeInTasklist() {
		TestHttp api = TestHttp.api(port);
		long pledgeId = new PledgeFixtures(api, jdbc).create("donorNorway", PledgeFixtures.pledge("4321.00", "USD"))
			.path("id")
			.asLong();
		// "pledge-<id>", the donor pledge process's business key
		Task verify = tasks.createTaskQuery().processInstanceBusinessKey("pledge-" + pledgeId).singleResult();
		assertThat(verify.getName()).isEqualTo("Verify pledge — Norway, USD 4,321 to CPCJD");

		openTasklist("officerCpcjd");
		openTask(verify);
		// the officer reads which pledge this is before deciding
		assertThat(field("Pledge").getAttribute("value")).startsWith("Norway pledged USD 4,321 to CPCJD.");
		assertNothingCutOff();
		claim();
		choose("Yes, verified");
		complete(verify);

		JsonNode pledge = api.get("/api/pledges/" + pledgeId, "officerCpcjd").json();
		assertThat(pledge.path("verifiedAt").isTextual()).as(pledge.toString()).isTrue();
		JsonNode events = api.get("/api/pledges/" + pledgeId + "/history", "officerCpcjd").json();
		assertThat(events.get(events.size() - 1).path("kind").asText()).isEqualTo("VERIFIED");
		assertThat(events.get(events.size() - 1).path("actor").asText()).isEqualTo("officerCpcjd");
		assertCompletedBy(verify, "officerCpcjd");
		Task agreement = tasks.createTaskQuery().processInstanceBusinessKey("pledge-" + pledgeId).singleResult();
		assertThat(agreement.getName()).isEqualTo("Conclude agreement — Norway, USD 4,321 to CPCJD");
		// and the next step is the officer's to open in its place
		openTask(agreement);
	}

	@Test
	void coordinatorsOfBothOfficesReviewAnOverlapAlertInTasklistAndTheDecisionIsRecorded() {
		String cpcjdTitle = "Prison staff training in Malawi " + UUID.randomUUID().toString().substring(0, 8);
		String ohchrTitle = "Detention monitoring in Malawi " + UUID.randomUUID().toString().substring(0, 8);
		long alertId = TestAlertsAccess.raiseBetweenOffices(port, context, cpcjdTitle, ohchrTitle, "MW", "SMR-PRISONERS");
		String businessKey = OverlapReviewProcess.businessKey(alertId);

		review(businessKey, "coordinatorCpcjd", "COORDINATOR_CPCJD", cpcjdTitle, ohchrTitle,
				"CPCJD trains, OHCHR monitors");
		assertThat(jdbc
			.sql("SELECT decision, proposed_by FROM overlap_alert_proposal WHERE alert_id = ? AND office = 'CPCJD'")
			.param(alertId)
			.query((row, n) -> row.getString(1) + " by " + row.getString(2))
			.single()).isEqualTo("COMPLEMENTARY by coordinatorCpcjd");

		signOut();
		review(businessKey, "coordinatorOhchr", "COORDINATOR_OHCHR", cpcjdTitle, ohchrTitle, "Monitoring is not training");

		TestHttp api = TestHttp.api(port);
		// "Record joint decision" runs as a job of its own once both proposals are in
		Eventually.equals(
				() -> api.get("/api/overlap-alerts/" + alertId, "coordinatorCpcjd").json().path("decision").asText(),
				"COMPLEMENTARY");
		JsonNode alert = api.get("/api/overlap-alerts/" + alertId, "coordinatorCpcjd").json();
		assertThat(alert.path("decidedBy").asText()).contains("coordinatorCpcjd").contains("coordinatorOhchr");
		assertThat(alert.path("decisionReason").asText())
			.isEqualTo("CPCJD: CPCJD trains, OHCHR monitors\nOHCHR: Monitoring is not training");
	}

	/** One office's coordinator proposes "complementary" on the alert, from the list to Complete. */
	private void review(String businessKey, String coordinator, String group, String cpcjdTitle, String ohchrTitle,
			String reason) {
		Task review = tasks.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskCandidateGroup(group)
			.singleResult();
		assertThat(review.getName()).isEqualTo("Review overlap: " + cpcjdTitle + " (CPCJD) × " + ohchrTitle + " (OHCHR)");

		openTasklist(coordinator);
		openTask(review);
		List<String> titles = browser.findElements(By.xpath(TASK_VIEW + "//div[contains(@class,'fjs-form-field')]"
				+ "[label[normalize-space(.)='Title']]//*[self::input or self::textarea]"))
			.stream()
			.map(input -> input.getAttribute("value"))
			.toList();
		assertThat(titles).containsExactlyInAnyOrder(cpcjdTitle, ohchrTitle);
		assertNothingCutOff();
		claim();
		assertNothingCutOff();
		choose("Complementary: link them");
		field("Reason").sendKeys(reason);
		complete(review);
		assertCompletedBy(review, coordinator);
	}

	/**
	 * Signs in at coopflow's login page and opens Tasklist, which starts Camunda's session from it. When
	 * the first request of a freshly started server is slow, RequireJS gives up on Tasklist's plugin
	 * script and the page stays on its splash screen; a person reloads, and so does this, twice at most.
	 */
	/** Tasklist with the shared filter where an officer finds the office's work that no one has taken yet. */
	private void openTasklist(String user) {
		HeadlessChromium.signIn(browser, port, user);
		String unclaimed = TasklistLinks.filter(filters.idOf(TasklistFilters.MY_OFFICE_UNCLAIMED).orElseThrow());
		for (int attempt = 1;; attempt++) {
			browser.get(url(unclaimed));
			try {
				waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.tasks-list")));
				return;
			}
			catch (TimeoutException e) {
				if (attempt == 3 || browser.findElements(By.cssSelector(".app-splash")).isEmpty()) {
					throw e;
				}
			}
		}
	}

	private static By taskLink(Task task) {
		return By.cssSelector(".tasks-list a[href='#/?task=" + task.getId() + "']");
	}

	/**
	 * Opens the task and waits for its form: clicked in the list when it is on the list's first page, else
	 * through its link, as coopflow's pages open it (the suite's shared database holds many tasks due
	 * sooner, so a new one may be listed far down, as in an office's real Tasklist).
	 */
	private void openTask(Task task) {
		List<WebElement> listed = browser.findElements(taskLink(task));
		if (listed.isEmpty()) {
			browser.get(url(TasklistLinks.task(task.getId())));
		}
		else {
			click(waiting().until(ExpectedConditions.elementToBeClickable(taskLink(task))));
		}
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2.task"),
				task.getName()));
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details .fjs-form")));
	}

	private void claim() {
		click(waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".task-details button.claim"))));
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details li.assignee")));
		waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-details button.claim")));
	}

	/**
	 * Scrolls the element to the middle of the window, as a person scrolls to what they mean to click,
	 * and clicks it: scrolled only just into view, the form's last row sits under Tasklist's fixed footer.
	 */
	private void click(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	/** The form field with the label, as a person finds it. */
	private WebElement field(String label) {
		WebElement caption = waiting().until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath(TASK_VIEW + "//div[contains(@class,'fjs-form-field')]/label[normalize-space(.)='" + label + "']")));
		return browser.findElement(By.id(caption.getAttribute("for")));
	}

	/**
	 * Nothing of the open form is cut off: Tasklist draws every label on one line and hides what does not
	 * fit (white-space: nowrap, overflow: hidden), and a readonly text field hides what is past its width.
	 */
	@SuppressWarnings("unchecked")
	private void assertNothingCutOff() {
		List<String> cut = (List<String>) ((JavascriptExecutor) browser).executeScript(
				"return Array.from(document.querySelectorAll('.task-details .fjs-form-field-label, "
						+ ".task-details input.fjs-input[readonly]'))"
						+ ".filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)"
						+ ".map(e => (e.textContent || e.value).trim() + ' (' + e.scrollWidth + ' > ' + e.clientWidth + ')');");
		assertThat(cut).as("cut off at %s px", browser.manage().window().getSize().getWidth()).isEmpty();
	}

	private WebElement completeButton() {
		return browser.findElement(By.cssSelector(".task-details button.btn-primary[ng-click='complete()']"));
	}

	/**
	 * Picks the radio option with the label. The form is drawn again once the claim is through, which
	 * clears a choice made just before; then the option is clicked again, as a person would.
	 */
	private void choose(String option) {
		By label = By.xpath(TASK_VIEW + "//div[contains(@class,'fjs-form-field-radio')]"
				+ "//label[normalize-space(.)='" + option + "']");
		waiting().until(page -> {
			WebElement caption = page.findElement(label);
			WebElement radio = page.findElement(By.id(caption.getAttribute("for")));
			if (!radio.isSelected()) {
				click(caption);
			}
			return radio.isSelected() && completeButton().isEnabled();
		});
	}

	/**
	 * Clicks Complete; the task must leave the list. A refusal shows as an error notification, and the
	 * test fails with its words then instead of waiting out the timeout.
	 */
	private void complete(Task task) {
		int errorsBefore = errors().size();
		click(completeButton());
		waiting().until(page -> page.findElements(taskLink(task)).isEmpty() || errors().size() > errorsBefore);
		assertThat(browser.findElements(taskLink(task)))
			.as("'%s' still listed after Complete; Tasklist says: %s", task.getName(), errors())
			.isEmpty();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"),
				"Select a task in the list."));
	}

	private List<String> errors() {
		return browser.findElements(By.cssSelector(".page-notifications .alert-danger"))
			.stream()
			.map(alert -> alert.getText().replace("×", "").strip())
			.toList();
	}

	private void assertCompletedBy(Task task, String user) {
		HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
		assertThat(done.getDeleteReason()).isEqualTo("completed");
		assertThat(done.getAssignee()).isEqualTo(user);
	}

}
