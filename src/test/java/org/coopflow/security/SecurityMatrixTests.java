package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who reaches what, for each role of the demo data and for an anonymous caller. API paths take HTTP
 * Basic; Tasklist is reached as a person does, through the sign-in form.
 */
@CoopflowTest
class SecurityMatrixTests {

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{1} {0} -> {2}")
	@CsvSource(nullValues = "anonymous", value = {
			"/api/me,              anonymous,        401",
			"/api/me,              donorNorway,      200",
			"/api/me,              officerCpcjd,     200",
			"/api/me,              coordinatorOhchr, 200",
			"/api/me,              admin,            200",
			"/api/standards,       anonymous,        401",
			"/api/standards,       donorJapan,       200",
			"/api/standards,       officerOhchr,     200",
			"/api/standards,       coordinatorCpcjd, 200",
			"/api/standards,       admin,            200",
			"/engine-rest/task,    anonymous,        401",
			"/engine-rest/task,    donorNorway,      403",
			"/engine-rest/task,    officerCpcjd,     200",
			"/engine-rest/task,    coordinatorOhchr, 200",
			"/engine-rest/task,    admin,            200",
			"/actuator/prometheus, anonymous,        401",
			"/actuator/prometheus, donorNorway,      403",
			"/actuator/prometheus, officerCpcjd,     403",
			"/actuator/prometheus, coordinatorCpcjd, 403",
			"/actuator/prometheus, admin,            200",
			"/actuator/health,     anonymous,        200",
			"/actuator/metrics,    officerCpcjd,     403",
			"/actuator/metrics,    admin,            200",
			"/engine-rest/engine,  anonymous,        200",
			"/engine-rest/process-definition, anonymous, 401",
			"/engine-rest/user,    donorJapan,       403",
			"/api/portfolio,       anonymous,        401",
			"/api/portfolio,       donorNorway,      403",
			"/api/portfolio,       officerCpcjd,     200",
			"/api/portfolio,       coordinatorOhchr, 200",
			"/api/portfolio,       admin,            200",
			"/api/iati/activities.xml, anonymous,    401",
			"/api/iati/activities.xml, donorNorway,  403",
			"/api/iati/problems,   anonymous,        401",
			"/api/iati/problems,   donorJapan,       403",
			"/api/iati/problems,   officerOhchr,     200",
			"/api/iati/problems,   coordinatorCpcjd, 200",
			"/api/iati/problems,   admin,            200",
			// open data: anyone, credentials or none
			"/open/api/programmes, anonymous,        200",
			"/open/api/programmes, donorNorway,      200",
			"/open/api/programmes, officerCpcjd,     200" })
	void apiAccess(String path, String user, int expected) {
		TestHttp.Response response = TestHttp.api(port).get(path, user);
		assertThat(response.status()).as("%s as %s", path, user).isEqualTo(expected);
		if (expected == 401 || expected == 403) {
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().path("status").asInt()).isEqualTo(expected);
			assertThat(response.json().path("detail").asText()).isNotBlank();
		}
	}

	@ParameterizedTest(name = "{1} {0} -> {2}")
	@CsvSource(value = {
			"/camunda/app/tasklist/default/, donorNorway,      403",
			"/camunda/app/tasklist/default/, officerCpcjd,     200",
			"/camunda/app/tasklist/default/, coordinatorOhchr, 200",
			"/camunda/app/tasklist/default/, admin,            200",
			"/camunda/app/cockpit/default/,  donorJapan,       403",
			"/camunda/app/cockpit/default/,  officerOhchr,     403",
			"/camunda/app/cockpit/default/,  coordinatorCpcjd, 403",
			"/camunda/app/cockpit/default/,  admin,            200",
			"/camunda/app/admin/default/,    officerCpcjd,     403",
			"/camunda/app/admin/default/,    admin,            200" })
	void camundaWebappAccess(String path, String user, int expected) {
		TestHttp browser = TestHttp.browser(port);
		assertThat(browser.signIn(user, TestHttp.DEMO_PASSWORD).header("Location")).as("signed in").doesNotContain("error");
		assertThat(browser.browse(path).status()).as("%s as %s", path, user).isEqualTo(expected);
	}

	@Test
	void tasklistSendsAnonymousVisitorsToTheSignInForm() {
		TestHttp.Response response = TestHttp.browser(port).browse("/camunda/app/tasklist/default/");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	@Test
	void wrongPasswordDoesNotSignIn() {
		TestHttp browser = TestHttp.browser(port);
		assertThat(browser.signIn("officerCpcjd", "not-the-password").header("Location")).endsWith("/login?error");
		assertThat(browser.browse("/camunda/app/tasklist/default/").status()).isEqualTo(302);
		assertThat(TestHttp.api(port).send("GET", "/api/me", "officerCpcjd", "wrong", null, null).status()).isEqualTo(401);
	}

	@Test
	void healthShowsComponentsOnlyToAdmins() {
		TestHttp api = TestHttp.api(port);
		var anonymous = api.get("/actuator/health", null).json();
		assertThat(anonymous.path("status").asText()).isEqualTo("UP");
		assertThat(anonymous.has("components")).isFalse();

		var admin = api.get("/actuator/health", "admin").json();
		assertThat(admin.path("components").has("db")).isTrue();
		assertThat(admin.path("components").has("processEngine")).isTrue();
		assertThat(admin.path("components").has("jobExecutor")).isTrue();
	}

	@Test
	void aLoadBalancerReadsLivenessAndReadinessWithoutSigningIn() {
		// outside Kubernetes Boot offers the probes only when asked to: the docs and the demo's start rely on them
		TestHttp api = TestHttp.api(port);
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			TestHttp.Response response = api.get(probe, null);
			assertThat(response.status()).as(probe).isEqualTo(200);
			assertThat(response.json().path("status").asText()).as(probe).isEqualTo("UP");
		}
	}

	@Test
	void apiSessionsAreNotCreated() {
		TestHttp.Response response = TestHttp.api(port).get("/api/me", "officerCpcjd");
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
	}

}
