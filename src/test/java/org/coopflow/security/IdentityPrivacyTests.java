package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TasklistUser;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Through engine-rest (and so Tasklist and Camunda Admin), officers and coordinators see each other,
 * as Tasklist needs for assignees and candidate groups, but no donor, no administrator and none of
 * their e-mail addresses; nobody but an administrator may test a password.
 */
@CoopflowTest
class IdentityPrivacyTests {

	private static final String VERIFY = "{\"username\": \"donorNorway\", \"password\": \"demo\"}";

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository accounts;

	private TestHttp api() {
		return TestHttp.api(port);
	}

	private static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.forEach(item -> ids.add(item.path("id").asText()));
		return ids;
	}

	private String emailOf(String username) {
		String email = accounts.findByUsername(username).orElseThrow().email();
		assertThat(email).as("demo e-mail of %s", username).isNotBlank();
		return email;
	}

	@ParameterizedTest
	@ValueSource(strings = { "officerCpcjd", "coordinatorOhchr" })
	void onlyAnAdministratorMayTestAPassword(String user) {
		for (String path : List.of("/engine-rest/identity/verify", "/engine-rest/engine/default/identity/verify")) {
			TestHttp.Response refused = api().send("POST", path, user, "application/json", VERIFY);
			assertThat(refused.status()).as("%s as %s", path, user).isEqualTo(403);
			assertThat(refused.body()).doesNotContain("authenticated");
		}
		TestHttp.Response slash = api().send("POST", "/engine-rest/identity/verify/", user, "application/json", VERIFY);
		assertThat(slash.body()).as("with a trailing slash").doesNotContain("authenticated");
		// Tasklist's own copy of the engine's REST API asks the same engine
		TestHttp.Response tasklist = new TasklistUser(port, user).post("/identity/verify", VERIFY);
		assertThat(tasklist.status()).as(tasklist.body()).isEqualTo(403);
		assertThat(tasklist.body()).doesNotContain("authenticated");
		TestHttp.Response verified = api().send("POST", "/engine-rest/identity/verify", "admin", "application/json", VERIFY);
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.json().path("authenticated").asBoolean()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "officerCpcjd", "coordinatorOhchr" })
	void officersAndCoordinatorsSeeEachOtherButNoDonorOrAdministrator(String user) {
		TestHttp.Response users = api().get("/engine-rest/user", user);
		assertThat(users.status()).isEqualTo(200);
		assertThat(ids(users.json())).contains("officerCpcjd", "officerOhchr", "reviewerCpcjd", "coordinatorCpcjd",
				"coordinatorOhchr")
			.doesNotContain("donorNorway", "donorJapan", "admin");
		assertThat(users.body()).doesNotContain(emailOf("donorNorway"), emailOf("donorJapan"), emailOf("admin"));
		assertThat(api().get("/engine-rest/user/count", user).json().path("count").asInt()).isEqualTo(ids(users.json()).size());

		assertThat(api().get("/engine-rest/user/donorNorway/profile", user).status()).isEqualTo(404);
		assertThat(api().get("/engine-rest/user/admin/profile", user).status()).isEqualTo(404);
		assertThat(api().get("/engine-rest/user/officerOhchr/profile", user).json().path("firstName").asText())
			.isEqualTo("Carlos Peña");
		assertThat(ids(api().get("/engine-rest/user?memberOfGroup=DONOR", user).json())).isEmpty();

		assertThat(ids(api().get("/engine-rest/group", user).json())).contains("PROGRAMME_OFFICER_CPCJD",
				"COORDINATOR_OHCHR")
			.doesNotContain("DONOR", "camunda-admin");
		assertThat(api().get("/engine-rest/group/DONOR", user).status()).isEqualTo(404);
	}

	@Test
	void everyoneSeesTheirOwnProfile() {
		assertThat(api().get("/engine-rest/user/officerCpcjd/profile", "officerCpcjd").json().path("email").asText())
			.isEqualTo(emailOf("officerCpcjd"));
	}

	@Test
	void anAdministratorSeesEveryone() {
		TestHttp.Response users = api().get("/engine-rest/user", "admin");
		assertThat(ids(users.json())).contains("donorNorway", "donorJapan", "admin", "officerCpcjd", "coordinatorOhchr");
		assertThat(users.body()).contains(emailOf("donorNorway"), emailOf("admin"));
		assertThat(ids(api().get("/engine-rest/group", "admin").json())).contains("DONOR", "camunda-admin");
	}

	@Test
	void camundaIdentityStaysReadOnly() {
		String user = "{\"profile\": {\"id\": \"intruder\", \"firstName\": \"I\", \"lastName\": \"N\", \"email\": \"i@example.org\"},"
				+ " \"credentials\": {\"password\": \"intruder-password\"}}";
		assertThat(api().send("POST", "/engine-rest/user/create", "admin", "application/json", user).status())
			.isGreaterThanOrEqualTo(400);
		assertThat(api().send("PUT", "/engine-rest/user/officerCpcjd/credentials", "admin", "application/json",
				"{\"password\": \"another-password\", \"authenticatedUserPassword\": \"demo\"}").status())
			.isGreaterThanOrEqualTo(400);
		assertThat(accounts.findByUsername("intruder")).isEmpty();
		assertThat(api().get("/api/me", "officerCpcjd").status()).isEqualTo(200);
	}

}
