package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.reference.Office;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The account page as a browser without script uses it: plain form posts with Spring's CSRF token, over
 * real HTTP and the real database. A password changed there is the one that signs in; a token created
 * there is shown once and works on the API until revoked there; a wrong password changes nothing and is
 * counted as a failed sign-in.
 */
@CoopflowTest
class AccountPageTests {

	static final String PASSWORD = "account-page-pass-1";

	private static final Pattern TOKEN = Pattern.compile("cf_[A-Za-z0-9_-]{43}");

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@AfterEach
	void forgetFailures() {
		throttle.clear();
	}

	private String person() {
		String username = "acct" + UUID.randomUUID().toString().substring(0, 8);
		accounts.insert(username, passwordEncoder.encode(PASSWORD), "Account Holder", Role.PROGRAMME_OFFICER,
				Office.OHCHR, null);
		return username;
	}

	/** A signed-in browser on the account page. */
	private record Page(TestHttp browser, String username) {

		TestHttp.Response open() {
			return browser.browse("/account");
		}

		TestHttp.Response post(String path, Map<String, String> fields) {
			Map<String, String> all = new LinkedHashMap<>(fields);
			all.put("_csrf", open().csrfToken());
			return browser.submit(path, all);
		}

	}

	private Page signIn(String username) {
		TestHttp browser = TestHttp.browser(port);
		assertThat(browser.signIn(username, PASSWORD).header("Location")).doesNotContain("error");
		return new Page(browser, username);
	}

	private String hash(String username) {
		return accounts.findByUsername(username).orElseThrow().passwordHash();
	}

	private int apiStatus(String username, String password) {
		return TestHttp.api(port).send("GET", "/api/me", username, password, null, null).status();
	}

	@Test
	void everyRoleOpensItsAccountFromTheHeader() {
		for (String demo : new String[] { "donorNorway", "officerCpcjd", "coordinatorOhchr", "admin" }) {
			TestHttp browser = TestHttp.browser(port);
			browser.signIn(demo, TestHttp.DEMO_PASSWORD);
			TestHttp.Response home = browser.browse("/");
			assertThat(home.body()).as(demo).contains("href=\"/account\"");
			TestHttp.Response account = browser.browse("/account");
			assertThat(account.status()).as(demo).isEqualTo(200);
			assertThat(account.body()).as(demo).contains(">" + demo + "<").contains("Change your password").contains("API tokens");
		}
		assertThat(TestHttp.browser(port).browse("/account").status()).as("not signed in: to the sign-in page").isEqualTo(302);
	}

	@Test
	void aPasswordChangedOnThePageIsTheOneThatSignsIn() {
		String username = person();
		TestHttp browser = TestHttp.browser(port);
		String signedInAs = browser.signIn(username, PASSWORD).cookie("JSESSIONID");
		Page page = new Page(browser, username);
		String before = hash(page.username());

		TestHttp.Response wrongCurrent = page.post("/account/password",
				Map.of("currentPassword", "not-my-password", "newPassword", "a-new-password-2", "confirmPassword", "a-new-password-2"));
		assertThat(wrongCurrent.status()).isEqualTo(400);
		assertThat(wrongCurrent.body()).contains("Current password: does not match your current password")
			.contains("id=\"currentPassword-error\"");

		TestHttp.Response mistyped = page.post("/account/password",
				Map.of("currentPassword", PASSWORD, "newPassword", "a-new-password-2", "confirmPassword", "a-new-pasword-2"));
		assertThat(mistyped.status()).isEqualTo(400);
		assertThat(mistyped.body()).contains("New password again: does not match the new password");

		TestHttp.Response blank = page.post("/account/password",
				Map.of("currentPassword", PASSWORD, "newPassword", "            ", "confirmPassword", "            "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("New password: must be at least 12 characters long, not counting spaces");
		TestHttp.Response padded = page.post("/account/password",
				Map.of("currentPassword", PASSWORD, "newPassword", "  secret     ", "confirmPassword", "  secret     "));
		assertThat(padded.status()).isEqualTo(400);

		TestHttp.Response tooShort = page.post("/account/password",
				Map.of("currentPassword", "not-my-password", "newPassword", "short", "confirmPassword", "shorts"));
		assertThat(tooShort.status()).isEqualTo(400);
		// every mistake at once, but the current password is not looked at (nor counted) while others remain
		assertThat(tooShort.body()).contains("New password: must be at least 12 characters long")
			.contains("New password again: does not match the new password")
			.doesNotContain("Current password: does not match");
		assertThat(hash(page.username())).as("nothing changed by a refused form").isEqualTo(before);

		Page elsewhere = signIn(page.username());
		assertThat(elsewhere.open().status()).isEqualTo(200);
		TestHttp.Response changed = page.post("/account/password",
				Map.of("currentPassword", PASSWORD, "newPassword", "a-new-password-2", "confirmPassword", "a-new-password-2"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(changed.header("Location")).endsWith("/account");
		assertThat(page.open().body()).contains("Your password is changed.");
		assertThat(page.open().status()).as("this session stays").isEqualTo(200);
		assertThat(elsewhere.open().status()).as("the person's other session ends").isEqualTo(302);
		assertThat(TestHttp.api(port)
			.sendWithHeaders("GET", "/account", null, Map.of("Cookie", "JSESSIONID=" + signedInAs), "text/html", null)
			.status()).as("this session goes on under a new id: the one it had, if it leaked, is ended too").isEqualTo(302);
		assertThat(apiStatus(page.username(), "a-new-password-2")).isEqualTo(200);
		assertThat(apiStatus(page.username(), PASSWORD)).isEqualTo(401);
		assertThat(hash(page.username())).startsWith("{bcrypt}");
	}

	@Test
	void aTokenCreatedOnThePageIsShownOnceAndWorksUntilRevokedThere() {
		Page page = signIn(person());
		long before = tokens(page.username());

		TestHttp.Response withoutPassword = page.post("/account/tokens",
				Map.of("name", "Finance system", "expiresInDays", "30", "currentPassword", ""));
		assertThat(withoutPassword.status()).isEqualTo(400);
		assertThat(withoutPassword.body()).contains("Your password: does not match your current password")
			.contains("value=\"Finance system\"");
		TestHttp.Response badInput = page.post("/account/tokens",
				Map.of("name", " ", "expiresInDays", "9999", "currentPassword", PASSWORD));
		assertThat(badInput.status()).isEqualTo(400);
		assertThat(badInput.body()).contains("Name: is required").contains("Lifetime: choose one of the lifetimes offered");
		assertThat(tokens(page.username())).as("no token made by a refused form").isEqualTo(before);

		// a form from another site (no CSRF token) is refused before anything is looked at
		TestHttp.Response forged = page.browser().submit("/account/tokens",
				"name=forged&expiresInDays=365&currentPassword=" + PASSWORD);
		assertThat(forged.status()).isEqualTo(403);
		assertThat(tokens(page.username())).isEqualTo(before);

		TestHttp.Response created = page.post("/account/tokens",
				Map.of("name", "Finance system <script>", "expiresInDays", "30", "currentPassword", PASSWORD));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Cache-Control")).contains("no-store");
		assertThat(created.body()).as("the name is text, never markup").doesNotContain("<script>");
		Matcher shown = TOKEN.matcher(created.body());
		assertThat(shown.find()).as("the new token is on the page").isTrue();
		String token = shown.group();
		assertThat(created.body()).contains("coopflow shows it this once");

		TestHttp.Response me = bearer(token);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("username").asText()).isEqualTo(page.username());

		TestHttp.Response listed = page.open();
		assertThat(listed.body()).contains("Finance system &lt;script&gt;").doesNotContain("<script>")
			.doesNotContain(token.substring(3));
		long id = jdbc.sql("SELECT t.id FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.username = ?")
			.param(page.username())
			.query(Long.class)
			.single();
		assertThat(listed.body()).contains("id=\"token-" + id + "\"").contains("Revoke Finance system &lt;script&gt;");

		// another person's token is not theirs to revoke
		Page stranger = signIn(person());
		assertThat(stranger.post("/account/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(404);
		assertThat(bearer(token).status())
			.isEqualTo(200);

		TestHttp.Response revoked = page.post("/account/tokens/" + id + "/revoke", Map.of());
		assertThat(revoked.status()).isEqualTo(302);
		assertThat(page.open().body()).contains("The token “Finance system &lt;script&gt;” is revoked").contains("Revoked ");
		assertThat(bearer(token).status())
			.isEqualTo(401);
	}

	@Test
	void wrongCurrentPasswordsWaitAsWrongSignInsDo() {
		Page page = signIn(person());
		String before = hash(page.username());
		// five failures per account by default; the sixth attempt must wait, the right password included
		for (int i = 0; i < 5; i++) {
			assertThat(page.post("/account/password", Map.of("currentPassword", "guess-" + i, "newPassword",
					"a-new-password-2", "confirmPassword", "a-new-password-2")).status()).isEqualTo(400);
		}
		TestHttp.Response held = page.post("/account/password",
				Map.of("currentPassword", PASSWORD, "newPassword", "a-new-password-2", "confirmPassword", "a-new-password-2"));
		assertThat(held.status()).isEqualTo(429);
		assertThat(Long.parseLong(held.header("Retry-After"))).isPositive();
		assertThat(held.body()).contains("too many wrong passwords");
		assertThat(page.post("/account/tokens", Map.of("name", "x", "expiresInDays", "30", "currentPassword", PASSWORD))
			.status()).isEqualTo(429);
		assertThat(hash(page.username())).isEqualTo(before);
		assertThat(tokens(page.username())).isZero();
	}

	@Test
	void aLeakedTokenCannotGuessThePasswordAnyFaster() {
		String username = person();
		String token = tokens.issue(username, "leaked", java.time.Instant.now().plusSeconds(3600)).token();
		String before = hash(username);
		TestHttp api = TestHttp.api(port);
		for (int i = 0; i < 5; i++) {
			var wrong = api.sendWithHeader("PUT", "/api/me/password", "Authorization", "Bearer " + token,
					"application/json", "{\"currentPassword\": \"guess-" + i + "\", \"newPassword\": \"a-new-password-2\"}");
			assertThat(wrong.status()).isEqualTo(400);
			assertThat(wrong.json().path("errors").get(0).path("field").asText()).isEqualTo("currentPassword");
		}
		var held = api.sendWithHeader("PUT", "/api/me/password", "Authorization", "Bearer " + token,
				"application/json", "{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"a-new-password-2\"}");
		assertThat(held.status()).as(held.body()).isEqualTo(429);
		assertThat(held.contentType()).startsWith("application/problem+json");
		assertThat(Long.parseLong(held.header("Retry-After"))).isPositive();
		assertThat(hash(username)).isEqualTo(before);
	}

	private TestHttp.Response bearer(String token) {
		return TestHttp.api(port).sendWithHeader("GET", "/api/me", "Authorization", "Bearer " + token, "application/json", null);
	}

	private long tokens(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.username = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

}
