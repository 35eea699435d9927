package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.TestRaces;
import org.coopflow.shared.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Administrators add, disable and enable users and give them new passwords, through {@code /api/users} and
 * the users page, over real HTTP and the real database: what they do is what signs in, what Camunda shows
 * colleagues, and what a disabled person's session and tokens can still do (nothing).
 */
@CoopflowTest
class UsersAdministrationTests {

	static final String PASSWORD = "first-password-12";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	TaskService taskService;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	ChangeUserStatus status;

	@Autowired
	AddUser addUser;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void forgetFailures() {
		throttle.clear();
	}

	private TestHttp api() {
		return TestHttp.api(port);
	}

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
	}

	private TestHttp.Response add(String json) {
		return api().send("POST", "/api/users", "admin", "application/json", json);
	}

	private String officer(String username) {
		return """
				{"username": "%s", "displayName": "Nadia Officer", "email": "nadia@example.org",
				 "role": "PROGRAMME_OFFICER", "office": "OHCHR", "password": "%s"}""".formatted(username, PASSWORD);
	}

	private int signIn(String username, String password) {
		return api().send("GET", "/api/me", username, password, null, null).status();
	}

	/** Whether a colleague in Tasklist (officerOhchr through engine-rest) sees the user. */
	private boolean colleaguesSee(String username) {
		return api().get("/engine-rest/user/count?id=" + username, "officerOhchr").json().path("count").asLong() == 1;
	}

	private long users() {
		return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
	}

	@Test
	void anAddedOfficerSignsInAndColleaguesSeeThemInTasklist() {
		String username = unique("nadia");
		TestHttp.Response added = add(officer(username));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.header("Location")).isEqualTo("/api/users/" + username);
		assertThat(added.body()).doesNotContain("password").doesNotContain("bcrypt");
		JsonNode me = api().send("GET", "/api/me", username, PASSWORD, null, null).json();
		assertThat(me.path("office").asText()).isEqualTo("OHCHR");
		assertThat(me.path("roles").get(0).asText()).isEqualTo("PROGRAMME_OFFICER");
		assertThat(colleaguesSee(username)).as("at once, not after the next start").isTrue();
		assertThat(api().get("/api/users/" + username, "admin").json().path("enabled").asBoolean()).isTrue();

		TestHttp.Response donor = add("""
				{"username": "%s", "displayName": "Ana Donor", "role": "DONOR", "memberState": "BR", "password": "%s"}"""
			.formatted(unique("ana"), PASSWORD));
		assertThat(donor.status()).as(donor.body()).isEqualTo(201);
		assertThat(donor.json().path("memberState").asText()).isEqualTo("BR");
		assertThat(colleaguesSee(donor.json().path("username").asText())).as("donors stay hidden").isFalse();
	}

	@Test
	void badInputNamesEveryFieldAndAddsNobody() {
		long before = users();
		TestHttp.Response bad = add("""
				{"username": "no spaces", "displayName": " ", "email": "not-an-address", "role": "DONOR",
				 "office": "CPCJD", "memberState": "XX", "password": "short"}""");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("username",
				"displayName", "email", "office", "memberState", "password");
		TestHttp.Response noOffice = add("""
				{"username": "%s", "displayName": "X", "role": "COORDINATOR", "password": "%s"}""".formatted(unique("x"), PASSWORD));
		assertThat(noOffice.json().path("errors").findValuesAsText("field")).containsExactly("office");
		TestHttp.Response badRole = add("""
				{"username": "%s", "displayName": "X", "role": "KING", "password": "%s"}""".formatted(unique("x"), PASSWORD));
		assertThat(badRole.status()).isEqualTo(400);
		assertThat(badRole.json().path("errors").get(0).path("field").asText()).isEqualTo("role");
		assertThat(users()).isEqualTo(before);

		TestHttp.Response taken = add(officer("OFFICERcpcjd"));
		assertThat(taken.status()).as("a username taken, whatever its case").isEqualTo(409);
		assertThat(users()).isEqualTo(before);
	}

	@Test
	void onlyAdministratorsAdministerUsers() {
		for (String user : new String[] { "officerCpcjd", "coordinatorOhchr", "donorNorway" }) {
			assertThat(api().get("/api/users", user).status()).as(user).isEqualTo(403);
			assertThat(api().send("POST", "/api/users", user, "application/json", officer(unique("x"))).status()).as(user)
				.isEqualTo(403);
			TestHttp browser = TestHttp.browser(port);
			browser.signIn(user, TestHttp.DEMO_PASSWORD);
			assertThat(browser.browse("/users").status()).as(user).isEqualTo(403);
		}
		assertThat(api().get("/api/users", "admin").json().findValuesAsText("username")).contains("officerCpcjd", "admin");
		// an administrator's API token administers nobody: a leaked one must not make itself an account
		String token = tokens.issue("admin", "admin script", Instant.now().plusSeconds(3600)).token();
		TestHttp.Response withToken = api().sendWithHeaders("POST", "/api/users", null,
				Map.of("Authorization", "Bearer " + token), "application/json", officer(unique("x")));
		assertThat(withToken.status()).isEqualTo(403);
		assertThat(withToken.json().path("detail").asText()).contains("not with an API token");
		assertThat(api().sendWithHeaders("GET", "/api/users", null, Map.of("Authorization", "Bearer " + token),
				"application/json", null).status()).isEqualTo(403);
		assertThat(api().get("/api/users", "admin").body()).doesNotContain("bcrypt");
	}

	@Test
	void aDisabledUserIsSignedOutEverywhereAndTheirTokensStop() {
		String username = unique("leaver");
		assertThat(add(officer(username)).status()).isEqualTo(201);
		String token = tokens.issue(username, "script", Instant.now().plusSeconds(3600)).token();
		TestHttp browser = TestHttp.browser(port);
		browser.signIn(username, PASSWORD);
		assertThat(browser.browse("/").status()).isEqualTo(200);
		Task claimed = taskService.newTask();
		claimed.setName("Something of theirs");
		taskService.saveTask(claimed);
		taskService.addCandidateGroup(claimed.getId(), "PROGRAMME_OFFICER_OHCHR");
		taskService.setAssignee(claimed.getId(), username);

		assertThat(api().send("POST", "/api/users/" + username + "/disable", "admin", null, null).status()).isEqualTo(204);
		assertThat(taskService.createTaskQuery().taskId(claimed.getId()).singleResult().getAssignee())
			.as("back to the office's unclaimed tasks").isNull();
		taskService.deleteTask(claimed.getId(), true);
		assertThat(browser.browse("/").status()).as("the session ended").isEqualTo(302);
		assertThat(signIn(username, PASSWORD)).isEqualTo(401);
		assertThat(api().sendWithHeader("GET", "/api/me", "Authorization", "Bearer " + token, "application/json", null).status())
			.isEqualTo(401);
		assertThat(colleaguesSee(username)).isFalse();

		assertThat(api().send("POST", "/api/users/" + username + "/enable", "admin", null, null).status()).isEqualTo(204);
		assertThat(signIn(username, PASSWORD)).isEqualTo(200);
		assertThat(colleaguesSee(username)).isTrue();
		assertThat(api().sendWithHeader("GET", "/api/me", "Authorization", "Bearer " + token, "application/json", null)
			.json().path("detail").asText()).as("revoked, not back with Enable").contains("revoked");

		TestHttp.Response self = api().send("POST", "/api/users/admin/disable", "admin", null, null);
		assertThat(self.status()).as("never one's own account: an administrator always remains").isEqualTo(409);
		assertThat(signIn("admin", TestHttp.DEMO_PASSWORD)).isEqualTo(200);
		assertThat(api().send("POST", "/api/users/nobody0/disable", "admin", null, null).status()).isEqualTo(404);
	}

	@Test
	void aNewPasswordFromAnAdministratorSignsInAndEndsTheOldSessions() {
		String username = unique("forgetful");
		assertThat(add(officer(username)).status()).isEqualTo(201);
		TestHttp browser = TestHttp.browser(port);
		browser.signIn(username, PASSWORD);
		TestHttp.Response tooShort = api().send("PUT", "/api/users/" + username + "/password", "admin", "application/json",
				"{\"newPassword\": \"short\"}");
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.json().path("errors").get(0).path("field").asText()).isEqualTo("newPassword");
		assertThat(signIn(username, PASSWORD)).isEqualTo(200);

		assertThat(api().send("PUT", "/api/users/" + username + "/password", "admin", "application/json",
				"{\"newPassword\": \"a-second-password\"}").status()).isEqualTo(204);
		assertThat(signIn(username, "a-second-password")).isEqualTo(200);
		assertThat(signIn(username, PASSWORD)).isEqualTo(401);
		assertThat(browser.browse("/").status()).isEqualTo(302);

		TestHttp.Response own = api().send("PUT", "/api/users/admin/password", "admin", "application/json",
				"{\"newPassword\": \"a-second-password\"}");
		assertThat(own.status()).as("one's own password is changed with the current one, on the account page").isEqualTo(409);
		assertThat(signIn("admin", TestHttp.DEMO_PASSWORD)).isEqualTo(200);
	}

	@Test
	void anotherSitesFormCannotUseABrowsersRememberedCredentials() {
		String username = unique("victim");
		assertThat(add(officer(username)).status()).isEqualTo(201);
		TestHttp.Response forged = api().sendWithHeaders("POST", "/api/users/" + username + "/disable", "admin",
				Map.of("Sec-Fetch-Site", "cross-site"), "application/x-www-form-urlencoded", "");
		assertThat(forged.status()).isEqualTo(403);
		assertThat(forged.json().path("detail").asText()).contains("another site");
		assertThat(signIn(username, PASSWORD)).isEqualTo(200);
		assertThat(api().sendWithHeaders("GET", "/api/users/" + username, "admin", Map.of("Sec-Fetch-Site", "cross-site"),
				"application/json", null).status()).as("reading changes nothing").isEqualTo(200);
		assertThat(api().sendWithHeaders("POST", "/api/users/" + username + "/disable", "admin",
				Map.of("Sec-Fetch-Site", "same-origin"), "application/json", null).status()).isEqualTo(204);
	}

	private List<String> enabledAdministrators() {
		return jdbc.sql("SELECT username FROM app_user WHERE role = 'ADMIN' AND enabled = TRUE ORDER BY username")
			.query(String.class)
			.list();
	}

	@Test
	void twoAdministratorsDisablingEachOtherAtOnceLeaveOne() throws Exception {
		String first = unique("adminA");
		String second = unique("adminB");
		for (String admin : List.of(first, second)) {
			assertThat(add("""
					{"username": "%s", "displayName": "Administrator %s", "role": "ADMIN", "password": "%s"}"""
				.formatted(admin, admin, PASSWORD)).status()).isEqualTo(201);
		}
		// the demo admin steps aside for the test, so that the two are the only enabled administrators
		status.disable(first, "admin");
		try {
			assertThat(enabledAdministrators()).containsExactlyInAnyOrder(first, second);
			Future<String> secondDisablesFirst = TestRaces.whileTheFirstHoldsItsRows(transactions,
					() -> status.disable(first, second), () -> status.disable(second, first), true);
			assertThatThrownBy(() -> secondDisablesFirst.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(ConflictException.class)
				.cause()
				.hasMessage("The last enabled administrator cannot be disabled.");
			assertThat(enabledAdministrators()).containsExactly(first);
		}
		finally {
			status.enable(first, "admin");
			status.enable(first, second);
			status.disable("admin", first);
			status.disable("admin", second);
		}
		assertThat(enabledAdministrators()).contains("admin").doesNotContain(first, second);
	}

	@Test
	void twoAdministratorsAddingTheSameNameInAnotherCaseAtOnceAddOne() throws Exception {
		String username = unique("jsmith");
		AddUser.NewUser lower = new AddUser.NewUser(username, "J Smith", null, Role.COORDINATOR,
				org.coopflow.reference.Office.CPCJD, null, PASSWORD);
		AddUser.NewUser upper = new AddUser.NewUser(username.toUpperCase(), "J Smith", null, Role.COORDINATOR,
				org.coopflow.reference.Office.CPCJD, null, PASSWORD);
		// the second asks whether the name is taken before the first has committed, so only the database's key
		// can refuse it
		Future<Account> secondAdds = TestRaces.whileTheFirstHoldsItsRows(transactions, () -> addUser.add("admin", lower),
				() -> addUser.add("admin", upper), false);
		assertThatThrownBy(() -> secondAdds.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(ConflictException.class)
			.cause()
			.hasMessage("The username " + username.toUpperCase() + " is taken.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE LOWER(username) = ?").param(username.toLowerCase())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anAdministratorAddsAndDisablesAUserOnTheUsersPage() {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("admin", TestHttp.DEMO_PASSWORD);
		TestHttp.Response page = browser.browse("/users");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"user-officerCpcjd\"").contains("Programme officer, CPCJD");
		long before = users();

		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", "");
		form.put("displayName", "Karin Coordinator");
		form.put("email", "");
		form.put("role", "COORDINATOR");
		form.put("office", "");
		form.put("memberState", "");
		form.put("password", PASSWORD);
		form.put("adminPassword", "");
		TestHttp.Response refused = browser.submitFrom("/users", "/users", form);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Username: is required").contains("Office: is required for coordinators")
			.contains("value=\"Karin Coordinator\"");
		assertThat(users()).isEqualTo(before);

		String username = unique("karin");
		form.put("username", username);
		form.put("office", "CPCJD");
		TestHttp.Response withoutOwnPassword = browser.submitFrom("/users", "/users", form);
		assertThat(withoutOwnPassword.status()).isEqualTo(400);
		assertThat(withoutOwnPassword.body()).contains("Your password: does not match your current password");
		assertThat(users()).isEqualTo(before);
		form.put("adminPassword", TestHttp.DEMO_PASSWORD);
		TestHttp.Response added = browser.submitFrom("/users", "/users", form);
		assertThat(added.status()).isEqualTo(302);
		assertThat(browser.browse("/users").body()).contains("Added Karin Coordinator (" + username + ")")
			.contains("Coordinator, CPCJD");
		assertThat(signIn(username, PASSWORD)).isEqualTo(200);

		assertThat(browser.submitFrom("/users", "/users/" + username + "/disable", Map.of()).status()).isEqualTo(302);
		assertThat(browser.browse("/users").body()).contains(username + " is disabled");
		assertThat(signIn(username, PASSWORD)).isEqualTo(401);
		assertThat(browser.submitFrom("/users", "/users/admin/disable", Map.of()).status()).isEqualTo(302);
		assertThat(browser.browse("/users").body()).contains("You cannot disable your own account");
		assertThat(signIn("admin", TestHttp.DEMO_PASSWORD)).isEqualTo(200);
	}

}
