package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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

	static final String TASK_VIEW = TasklistPage.TASK_VIEW;

	@RegisterExtension
	static final HeadlessChromium.Session chromium = new HeadlessChromium.Session();

	private TasklistPage tasklist;

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
	static final TestWatcher keepPageOnFailure = TasklistPage.keepPageOnFailure(() -> browser(),
			Path.of("target", "tasklist-browser()"));

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

	private WebDriverWait waiting() {
		return tasklist.waiting();
	}

	@Test
	void officerClaimsAndVerifiesAPledgeOfTheirOfficeInTasklist() {
		TestHttp api = TestHttp.api(port);
		long pledgeId = new PledgeFixtures(api).create("donorNorway", PledgeFixtures.pledge("4321.00", "USD"))
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
		List<String> titles = browser().findElements(By.xpath(TASK_VIEW + "//div[contains(@class,'fjs-form-field')]"
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

	/** Tasklist with the shared filter where an officer finds the office's work that no one has taken yet. */
	private void openTasklist(String user) {
		tasklist.open(user, TasklistLinks.filter(filters.idOf(TasklistFilters.MY_OFFICE_UNCLAIMED).orElseThrow()));
	}

	private void openTask(Task task) {
		tasklist.openTask(task);
	}

	private void claim() {
		tasklist.claim();
	}

	private WebElement field(String label) {
		return tasklist.field(label);
	}

	private void assertNothingCutOff() {
		tasklist.assertNothingCutOff();
	}

	private void choose(String option) {
		tasklist.choose(option);
	}

	private void complete(Task task) {
		tasklist.complete(task);
	}

	private void assertCompletedBy(Task task, String user) {
		HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
		assertThat(done.getDeleteReason()).isEqualTo("completed");
		assertThat(done.getAssignee()).isEqualTo(user);
	}

}
