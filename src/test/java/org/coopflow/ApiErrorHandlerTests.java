package org.coopflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An API client gets application/problem+json with a useful detail for every error, never a stack
 * trace or an HTML page.
 */
@CoopflowTest
class ApiErrorHandlerTests {

	@LocalServerPort
	int port;

	private TestHttp.Response assertProblem(TestHttp.Response response, int status) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asText()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "\tat ", "<html");
		return response;
	}

	@Test
	void unknownPathIsNotFound() {
		var response = assertProblem(TestHttp.api(port).get("/api/no-such-thing", "officerCpcjd"), 404);
		assertThat(response.json().path("detail").asText()).contains("/api/no-such-thing");
	}

	@Test
	void aPersonFollowingADeadLinkGetsAnHtmlPage() {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("donorNorway", TestHttp.DEMO_PASSWORD);
		TestHttp.Response response = browser.browse("/no-such-page");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("text/html");
		assertThat(response.body()).contains("There is no such page");
	}

	@Test
	void wrongMethodIsMethodNotAllowed() {
		var response = assertProblem(TestHttp.api(port).send("DELETE", "/api/standards", "admin", null, null), 405);
		assertThat(response.json().path("detail").asText()).contains("DELETE");
	}

	@Test
	void malformedJsonIsBadRequest() {
		var response = assertProblem(TestHttp.api(port).send("PUT", "/api/me/password", "officerOhchr",
				"application/json", "{\"currentPassword\": \"demo\", "), 400);
		assertThat(response.json().path("detail").asText()).contains("not valid JSON");
	}

	@Test
	void wrongTypeNamesTheField() {
		var response = assertProblem(TestHttp.api(port).send("PUT", "/api/me/password", "officerOhchr",
				"application/json", "{\"currentPassword\": \"demo\", \"newPassword\": [1, 2]}"), 400);
		assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("newPassword");
	}

	@Test
	void misspeltFieldIsNamedRatherThanIgnored() {
		var response = assertProblem(TestHttp.api(port).send("PUT", "/api/me/password", "officerOhchr",
				"application/json", "{\"currentPassword\": \"demo\", \"newPasword\": \"long-enough-pass\"}"), 400);
		assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("newPasword");
		assertThat(response.json().path("errors").get(0).path("reason").asText()).contains("not a field");
	}

	@Test
	void invalidFieldIsNamedWithItsReason() {
		var response = assertProblem(TestHttp.api(port).send("PUT", "/api/me/password", "officerOhchr",
				"application/json", "{\"currentPassword\": \"demo\", \"newPassword\": \"short\"}"), 400);
		JsonNode error = response.json().path("errors").get(0);
		assertThat(error.path("field").asText()).isEqualTo("newPassword");
		assertThat(error.path("reason").asText()).contains("12");
		// nothing changed: the old password still works
		assertThat(TestHttp.api(port).get("/api/me", "officerOhchr").status()).isEqualTo(200);
	}

	@Test
	void missingCredentialsAreUnauthorizedWithAChallenge() {
		var response = assertProblem(TestHttp.api(port).get("/api/standards", null), 401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
	}

	@Test
	void forbiddenSaysWhat() {
		var response = assertProblem(TestHttp.api(port).get("/actuator/prometheus", "donorJapan"), 403);
		assertThat(response.json().path("detail").asText()).contains("/actuator/prometheus");
	}

}
