package org.coopflow.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who opens the overlap pages over plain HTTP: coordinators and admins every alert, officers those on
 * their office's programmes, donors the 403 page, people not signed in the sign-in page; and filters that
 * are not one of the choices get the 400 page, not problem+json.
 */
@CoopflowTest
class OverlapPagesAccessTests {

	private static final String[] PAGES = { "/overlap-alerts", "/overlap-alerts/chart" };

	@LocalServerPort
	int port;

	@Autowired
	OverlapAlerts alerts;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	TaskService tasks;

	private long alertId;

	private String title;

	@BeforeEach
	void anAlertOnTwoCpcjdProgrammes() {
		TestAlerts test = new TestAlerts(port, alerts, transaction);
		title = "Prison staff training " + UUID.randomUUID();
		long a = test.programme("officerCpcjd", title, "NA", "SMR-PRISONERS");
		long b = test.programme("officerCpcjd", "Prison officers' course " + UUID.randomUUID(), "NA", "SMR-PRISONERS");
		alertId = test.raise(a, b, Set.of("CPCJD"), "MEDIUM", "NA", "SMR-PRISONERS");
	}

	private TestHttp signedIn(String user) {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn(user, TestHttp.DEMO_PASSWORD);
		return browser;
	}

	@ParameterizedTest
	@ValueSource(strings = { "coordinatorOhchr", "admin", "officerCpcjd" })
	void coordinatorsAdminsAndTheOfficeOfficersSeeTheAlert(String user) {
		TestHttp browser = signedIn(user);
		TestHttp.Response list = browser.browse("/overlap-alerts?country=NA&standard=SMR-PRISONERS");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.contentType()).startsWith("text/html");
		assertThat(list.body()).contains("href=\"/overlap-alerts/" + alertId + "\"", title, "Same office", "Medium");
		TestHttp.Response alert = browser.browse("/overlap-alerts/" + alertId);
		assertThat(alert.status()).isEqualTo(200);
		assertThat(alert.body()).contains(title, "Namibia (shared)", "Similar text");
		assertThat(browser.browse("/overlap-alerts/chart?country=NA").body()).contains("Namibia");
		assertThat(browser.browse("/").body()).contains("href=\"/overlap-alerts\"", "href=\"/overlap-alerts/chart\"");
	}

	@Test
	void onlyCoordinatorsAndAdminsAreOfferedTasklist() {
		String cpcjdReview = tasks.createTaskQuery()
			.processInstanceBusinessKey(OverlapReviewProcess.businessKey(alertId))
			.taskDefinitionKey(OverlapReviewProcess.Elements.TASK_REVIEW_ALERT_CPCJD)
			.singleResult()
			.getId();
		// the link opens the coordinator's own office's review, not Tasklist's front page
		assertThat(signedIn("coordinatorCpcjd").browse("/overlap-alerts/" + alertId).body()).contains("Review in Tasklist")
			.contains("href=\"/camunda/app/tasklist/default/#/?task=" + cpcjdReview + "\"");
		assertThat(signedIn("admin").browse("/overlap-alerts/" + alertId).body())
			.contains("href=\"/camunda/app/tasklist/default/#/?task=");
		assertThat(signedIn("officerCpcjd").browse("/overlap-alerts/" + alertId).body()).doesNotContain("Review in Tasklist");
	}

	@Test
	void theOtherOfficesOfficerDoesNotSeeAnAlertOnCpcjdProgrammesOnly() {
		TestHttp browser = signedIn("officerOhchr");
		assertThat(browser.browse("/overlap-alerts?status=ANY").body()).doesNotContain(title)
			.doesNotContain("href=\"/overlap-alerts/" + alertId + "\"");
		TestHttp.Response alert = browser.browse("/overlap-alerts/" + alertId);
		assertThat(alert.status()).isEqualTo(404);
		assertThat(alert.contentType()).startsWith("text/html");
		assertThat(alert.body()).contains("There is no such page").doesNotContain(title);
		assertThat(browser.browse("/overlap-alerts/chart?country=NA&status=ANY").body()).contains("0 alerts counted.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "donorNorway", "donorJapan" })
	void donorsGetTheForbiddenPage(String user) {
		TestHttp browser = signedIn(user);
		for (String page : new String[] { PAGES[0], PAGES[1], "/overlap-alerts/" + alertId }) {
			TestHttp.Response response = browser.browse(page);
			assertThat(response.status()).as(page).isEqualTo(403);
			assertThat(response.contentType()).as(page).startsWith("text/html");
			assertThat(response.body()).as(page).contains("You may not open this page");
		}
		assertThat(browser.browse("/").body()).doesNotContain("/overlap-alerts");
	}

	@Test
	void peopleNotSignedInAreSentToSignIn() {
		for (String page : new String[] { PAGES[0], PAGES[1], "/overlap-alerts/" + alertId }) {
			TestHttp.Response response = TestHttp.browser(port).browse(page);
			assertThat(response.status()).as(page).isEqualTo(302);
			assertThat(response.header("Location")).as(page).endsWith("/login");
		}
	}

	@ParameterizedTest
	@CsvSource({ "/overlap-alerts?severity=SEVERE, severity", "/overlap-alerts?status=MAYBE, status",
			"/overlap-alerts?office=UNODC, office", "/overlap-alerts?country=K%25, country",
			"/overlap-alerts?page=two, page", "/overlap-alerts/chart?severity=SEVERE, severity",
			"/overlap-alerts/chart?standard=%25, standard", "/overlap-alerts/seven, id" })
	void filtersThatAreNotChoicesGetTheBadRequestPageNamingThem(String page, String parameter) {
		TestHttp.Response response = signedIn("coordinatorCpcjd").browse(page);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("text/html");
		assertThat(response.body()).contains("This address asks for something coopflow cannot show",
				"<strong>" + parameter + ":</strong> ");
	}

	@Test
	void theApiStillAnswersWithProblemJson() {
		TestHttp.Response response = TestHttp.api(port).get("/api/overlap-alerts?severity=SEVERE", "coordinatorCpcjd");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

}
