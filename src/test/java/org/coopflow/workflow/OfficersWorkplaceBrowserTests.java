package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.CoopflowTest;
import org.coopflow.HeadlessChromium;
import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.coopflow.overlap.OverlapReviewProcess;
import org.coopflow.overlap.TestAlertsAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The officers' workplace end to end in headless Chromium, only through pages: an officer creates a
 * programme and submits it; a second officer finds its review in Tasklist through the "Proposals to
 * review" filter by its name, approves it, and the programme is open for funding; a coordinator goes
 * from an alert's page straight to the alert's task. Each step is kept as a screenshot under
 * {@code target/screenshots/journey}. Runs with {@code -Pbrowser}.
 */
@CoopflowTest
class OfficersWorkplaceBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots", "journey");

	/** What the filter-counts script appends to a filter's name. */
	private static final Pattern COUNT = Pattern.compile(" \\((\\d+)\\)");

	@RegisterExtension
	static final HeadlessChromium.Session chromium = new HeadlessChromium.Session();

	/** What the page showed when a test failed, beside the steps' screenshots. */
	@RegisterExtension
	static final TestWatcher keepPageOnFailure = TasklistPage.keepPageOnFailure(() -> browser(),
			SCREENSHOTS.resolve("failed"));

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	TasklistFilters filters;

	@Autowired
	ApplicationContext context;

	private TasklistPage tasklist;

	private static WebDriver browser() {
		return chromium.driver();
	}

	@BeforeEach
	void signOut() {
		chromium.signOut(port);
		tasklist = new TasklistPage(browser(), port);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void anOfficerSubmitsAProgrammeAndASecondOfficerApprovesItInTasklist() {
		// 1. the officer creates the programme through the pages and submits it
		HeadlessChromium.signIn(browser(), port, "officerCpcjd");
		browser().get(url("/programmes/new"));
		String title = "Court interpreters for Mongolia " + UUID.randomUUID().toString().substring(0, 8);
		LocalDate[] period = TestPortfolio.period();
		chromium.type("title", title);
		chromium.type("description", "Training court interpreters of Mongolia in fair trial standards");
		new Select(browser().findElement(By.id("countries"))).selectByValue("MN");
		browser().findElement(By.cssSelector("input[name=standards][value=BP-JUDICIARY]")).click();
		browser().findElement(By.cssSelector("input[name=activityTypes][value=TRAINING]")).click();
		chromium.date("plannedStart", period[0]);
		chromium.date("plannedEnd", period[1]);
		chromium.type("budgetAmount", "64000");
		screenshot("1-officer-new-programme");
		chromium.submit("form");
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(browser().findElement(By.id("status")).getText()).contains("Draft");
		String programmePage = browser().getCurrentUrl();
		long programmeId = Long.parseLong(programmePage.replaceAll(".*/programmes/(\\d+).*", "$1"));

		chromium.submit("submit");
		assertThat(browser().findElement(By.id("notice")).getText()).contains("The proposal was submitted");
		untilPageSays(programmePage, "Under review");
		screenshot("2-officer-submitted-under-review");

		Task review = tasks.createTaskQuery().processInstanceBusinessKey("programme-" + programmeId).singleResult();
		assertThat(review.getName()).isEqualTo("Review proposal — " + title + " (CPCJD)");

		// 2. a second officer of the office opens Tasklist: the filters not in focus show how many tasks wait in each
		signOut();
		tasklist.open("reviewerCpcjd", TasklistLinks.filter(filters.idOf(TasklistFilters.MY_TASKS).orElseThrow()));
		assertEveryFilterCounted();
		int waiting = countBeside("Proposals to review");
		assertThat(waiting).as("proposals waiting for reviewerCpcjd, this one among them").isPositive();
		screenshot("3-reviewer-filter-counts");
		// finds the proposal through "Proposals to review" by its name, and approves it
		WebElement filter = filterLink("Proposals to review");
		tasklist.click(filter);
		tasklist.waiting().until(ExpectedConditions.urlContains(
				"filter=" + filters.idOf("Proposals to review").orElseThrow()));
		WebElement listed = tasklist.waiting().until(ExpectedConditions.elementToBeClickable(
				By.xpath("//section[contains(@class,'tasks-list')]//li[.//*[contains(normalize-space(.), \"" + title + "\")]]"
						+ "//a[contains(@href, '?task=')]")));
		assertThat(listed.getAttribute("href")).endsWith("?task=" + review.getId());
		screenshot("4-reviewer-proposals-to-review");
		tasklist.click(listed);
		tasklist.waitForTask(review.getName());
		assertThat(tasklist.field("Title").getAttribute("value")).isEqualTo(title);
		tasklist.claim();
		tasklist.choose("Approve: open it for funding");
		screenshot("5-reviewer-approves");
		tasklist.complete(review);
		assertThat(history.createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult().getAssignee())
			.isEqualTo("reviewerCpcjd");

		// the count follows the work: one proposal fewer waits once this one is approved
		tasklist.click(filterLink(TasklistFilters.MY_TASKS));
		tasklist.waiting().until(page -> countBeside("Proposals to review") == waiting - 1);
		screenshot("6-reviewer-filter-counts-after-approval");

		// Tasklist leads back to coopflow, where the programme is now open for funding
		WebElement wayBack = browser().findElement(By.id("coopflow-way-back"));
		assertThat(wayBack.getText()).isEqualTo("← coopflow");
		HeadlessChromium.follow(browser(), wayBack);
		assertThat(browser().getCurrentUrl()).isEqualTo(url("/"));

		untilPageSays(programmePage, "Open for funding");
		screenshot("7-programme-open-for-funding");
		assertThat(TestHttp.api(port).get("/api/programmes/" + programmeId, "officerCpcjd").json().path("status").asText())
			.isEqualTo("OPEN_FOR_FUNDING");
	}

	@Test
	void aCoordinatorGoesFromAnAlertPageToItsTaskInTasklistAndClaimsIt() {
		String cpcjdTitle = "Juvenile justice in Timor-Leste " + UUID.randomUUID().toString().substring(0, 8);
		String ohchrTitle = "Children's rights in detention in Timor-Leste " + UUID.randomUUID().toString().substring(0, 8);
		long alertId = TestAlertsAccess.raiseBetweenOffices(port, context, cpcjdTitle, ohchrTitle, "TL", "SMR-PRISONERS");
		Task review = tasks.createTaskQuery()
			.processInstanceBusinessKey(OverlapReviewProcess.businessKey(alertId))
			.taskCandidateGroup("COORDINATOR_CPCJD")
			.singleResult();

		HeadlessChromium.signIn(browser(), port, "coordinatorCpcjd");
		browser().get(url("/overlap-alerts/" + alertId));
		screenshot("8-coordinator-alert-page");
		WebElement link = browser().findElement(By.linkText("Review in Tasklist"));
		assertThat(link.getAttribute("href")).isEqualTo(url(TasklistLinks.task(review.getId())));
		link.click();
		tasklist.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.tasks-list")));
		tasklist.waitForTask("Review overlap: " + cpcjdTitle + " (CPCJD) × " + ohchrTitle + " (OHCHR)");
		assertThat(browser().findElement(By.cssSelector(".task-details h2.task")).getText())
			.isEqualTo(review.getName());
		tasklist.claim();
		screenshot("9-coordinator-claimed-alert-task");
		assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
			.isEqualTo("coordinatorCpcjd");
	}

	/** The filter of that name in Tasklist's list of filters. */
	private WebElement filterLink(String name) {
		return tasklist.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
				"//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[contains(normalize-space(.), \"" + name + "\")]")));
	}

	/**
	 * Every filter not in focus shows its number of tasks beside its name, " (n)"; the one in focus
	 * shows Tasklist's own counter instead. The numbers arrive a moment after the list, so this waits.
	 */
	@SuppressWarnings("unchecked")
	private void assertEveryFilterCounted() {
		String read = "return Array.from(document.querySelectorAll('.task-filter h4.name > a'))"
				+ ".filter(a => !a.querySelector('.counter:not(.ng-hide)'))"
				+ ".map(a => { const c = a.querySelector('.coopflow-count'); return c ? c.textContent : ''; });";
		tasklist.waiting().until(page -> {
			List<String> counts = (List<String>) ((JavascriptExecutor) page).executeScript(read);
			return counts.size() > 1 && counts.stream().allMatch(count -> COUNT.matcher(count).matches());
		});
	}

	/** The number beside an unfocused filter's name; waits until it is shown. */
	private int countBeside(String filter) {
		String read = "const a = Array.from(document.querySelectorAll('.task-filter h4.name > a'))"
				+ ".find(a => a.textContent.includes(arguments[0]));"
				+ "const c = a && a.querySelector('.coopflow-count'); return c ? c.textContent : '';";
		return tasklist.waiting().until(page -> {
			Matcher count = COUNT.matcher((String) ((JavascriptExecutor) page).executeScript(read, filter));
			return count.matches() ? Integer.valueOf(count.group(1)) : null;
		});
	}

	private void untilPageSays(String page, String status) {
		new WebDriverWait(browser(), Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(1)).until(driver -> {
			driver.get(page);
			return driver.findElement(By.id("status")).getText().contains(status);
		});
	}

	private static void screenshot(String name) {
		HeadlessChromium.screenshot(browser(), SCREENSHOTS, name);
	}

}
