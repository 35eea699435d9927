package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in at /login is also the sign-in of Camunda's webapps: Camunda sees the same user, with the
 * groups coopflow derives from the role, and opens to each role only the webapps its authorizations
 * grant.
 */
@CoopflowTest
class CamundaSingleSignOnTests {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService taskService;

	private JsonNode camundaSession(String user) {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn(user, TestHttp.DEMO_PASSWORD);
		// as in a browser: opening a webapp page is what signs the user into Camunda's session
		assertThat(browser.browse("/camunda/app/tasklist/default/").status()).isEqualTo(200);
		TestHttp.Response response = browser.browse("/camunda/api/admin/auth/user/default");
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static List<String> apps(JsonNode session) {
		List<String> apps = new ArrayList<>();
		session.path("authorizedApps").forEach(app -> apps.add(app.asText()));
		return apps;
	}

	@Test
	void officerIsSignedIntoTasklistOnly() {
		JsonNode session = camundaSession("officerCpcjd");
		assertThat(session.path("userId").asText()).isEqualTo("officerCpcjd");
		assertThat(apps(session)).contains("tasklist").doesNotContain("cockpit", "admin");
	}

	@Test
	void coordinatorIsSignedIntoTasklistOnly() {
		assertThat(apps(camundaSession("coordinatorOhchr"))).contains("tasklist").doesNotContain("cockpit", "admin");
	}

	@Test
	void adminIsSignedIntoCockpitAndAdmin() {
		JsonNode session = camundaSession("admin");
		assertThat(session.path("userId").asText()).isEqualTo("admin");
		assertThat(apps(session)).contains("cockpit", "admin", "tasklist");
	}

	@Test
	void donorNeverReachesCamunda() {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("donorNorway", TestHttp.DEMO_PASSWORD);
		assertThat(browser.browse("/camunda/api/admin/auth/user/default").status()).isEqualTo(403);
		assertThat(browser.browse("/camunda/app/tasklist/default/").status()).isEqualTo(403);
		assertThat(browser.browse("/").body()).doesNotContain("Tasklist");
	}

	@Test
	void camundaSeesOfficeGroupsFromTheRole() {
		JsonNode groups = TestHttp.api(port).get("/engine-rest/group?member=officerOhchr", "admin").json();
		List<String> ids = new ArrayList<>();
		groups.forEach(group -> ids.add(group.path("id").asText()));
		assertThat(ids).containsExactlyInAnyOrder("PROGRAMME_OFFICER", "PROGRAMME_OFFICER_OHCHR");
	}

	@Test
	void camundaKeepsItsOwnCsrfProtectionBesideSpringsForPages() {
		String taskId = fixtureTaskFor("PROGRAMME_OFFICER_CPCJD");
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("officerCpcjd", TestHttp.DEMO_PASSWORD);
		TestHttp.Response page = browser.browse("/camunda/app/tasklist/default/");
		String xsrf = page.cookie("XSRF-TOKEN");
		String comment = "{\"message\": \"from Tasklist\"}";
		String path = "/camunda/api/engine/engine/default/task/" + taskId + "/comment/create";

		// Camunda's own token is accepted; Spring Security does not interfere with it ...
		TestHttp.Response accepted = browser.sendWithHeader("POST", path, "X-XSRF-TOKEN", xsrf, "application/json", comment);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		// ... and a state change without it is refused by Camunda, which also ends the session
		assertThat(browser.send("POST", path, null, "application/json", comment).status()).isEqualTo(403);
		assertThat(browser.browse("/camunda/app/tasklist/default/").status()).isEqualTo(302);

		// coopflow's own pages keep Spring's token: a sign-out without it is refused
		browser.signIn("officerCpcjd", TestHttp.DEMO_PASSWORD);
		assertThat(browser.send("POST", "/logout", null, "application/x-www-form-urlencoded", "").status()).isEqualTo(403);
	}

	@Test
	void apiDocumentationIsForSignedInUsers() {
		assertThat(TestHttp.browser(port).browse("/swagger-ui.html").header("Location")).endsWith("/login");
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("donorJapan", TestHttp.DEMO_PASSWORD);
		assertThat(browser.browse("/swagger-ui/index.html").status()).isEqualTo(200);
		TestHttp.Response docs = browser.browse("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("paths").has("/api/standards")).isTrue();
		assertThat(docs.json().path("paths").has("/api/me")).isTrue();
	}

	private String fixtureTaskFor(String candidateGroup) {
		String instanceId = runtime.startProcessInstanceByKey("FixtureReviewProcess",
				java.util.Map.of("candidateGroup", candidateGroup, "title", "CSRF check")).getId();
		return taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
	}

	@Test
	void signOutEndsTheCamundaSessionToo() {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("officerCpcjd", TestHttp.DEMO_PASSWORD);
		String token = browser.browse("/").csrfToken();
		TestHttp.Response logout = browser.send("POST", "/logout", null, "application/x-www-form-urlencoded",
				"_csrf=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(logout.header("Location")).endsWith("/login?logout");
		assertThat(browser.browse("/camunda/app/tasklist/default/").status()).isEqualTo(302);
	}

}
