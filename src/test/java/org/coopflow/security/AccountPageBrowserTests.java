package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.coopflow.CoopflowTest;
import org.coopflow.HeadlessChromium;
import org.coopflow.TestHttp;
import org.coopflow.reference.Office;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The account page in headless Chromium, as a person uses it: from the name in the header, a token
 * created, copied from the page and used by an integration, then revoked; the password changed. On a
 * phone and a desktop nothing scrolls sideways. Runs with {@code -Pbrowser}.
 */
@CoopflowTest
class AccountPageBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final String PASSWORD = "browser-account-pass-1";

	@RegisterExtension
	static final HeadlessChromium.Session chromium = new HeadlessChromium.Session();

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	SignInThrottle throttle;

	@AfterEach
	void forgetFailures() {
		throttle.clear();
	}

	private WebDriver browser() {
		return chromium.driver();
	}

	private void submit(String buttonText) {
		HeadlessChromium.follow(browser(), browser().findElements(By.cssSelector("button[type=submit]"))
			.stream()
			.filter(button -> button.getText().equals(buttonText))
			.findFirst()
			.orElseThrow());
	}

	@Test
	void aPersonGivesAnIntegrationATokenThenRevokesItAndChangesTheirPassword() {
		String username = "browserAccount" + Instant.now().toEpochMilli() % 100000;
		accounts.insert(username, passwordEncoder.encode(PASSWORD), "Rosa Account", Role.COORDINATOR, Office.CPCJD, null);
		chromium.signOut(port);
		browser().manage().window().setSize(new Dimension(1280, 900));
		browser().get("http://localhost:" + port + "/login");
		HeadlessChromium.type(browser(), "username", username);
		HeadlessChromium.type(browser(), "password", PASSWORD);
		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("button[type=submit]")));

		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("#signed-in-as a")));
		assertThat(browser().getTitle()).isEqualTo("Your account · coopflow");
		assertThat(browser().findElement(By.id("who")).getText()).contains(username).contains("Coordinator, CPCJD");
		assertThat(browser().findElement(By.id("no-tokens")).getText()).isEqualTo("You have no API tokens.");

		HeadlessChromium.type(browser(), "tokenName", "Finance system");
		HeadlessChromium.type(browser(), "tokenCurrentPassword", "wrong-password");
		submit("Create token");
		assertThat(browser().findElement(By.id("token-errors")).getText()).contains("Your password: does not match");
		assertThat(browser().findElement(By.id("tokenName")).getAttribute("value")).isEqualTo("Finance system");

		HeadlessChromium.type(browser(), "tokenCurrentPassword", PASSWORD);
		submit("Create token");
		String token = browser().findElement(By.id("issued-token")).getAttribute("value");
		assertThat(token).matches("cf_[A-Za-z0-9_-]{43}");
		HeadlessChromium.screenshot(browser(), SCREENSHOTS, "account-token-issued-1280");
		assertThat(integration(token)).isEqualTo(200);

		for (int width : new int[] { 375, 1280 }) {
			browser().manage().window().setSize(new Dimension(width, 900));
			browser().get("http://localhost:" + port + "/account");
			HeadlessChromium.assertFitsWidth(browser(), "account", width);
			HeadlessChromium.screenshot(browser(), SCREENSHOTS, "account-" + width);
		}
		assertThat(browser().getPageSource()).as("shown once only").doesNotContain(token);
		assertThat(browser().findElement(By.id("token-list")).getText()).contains("Finance system").contains("Active");

		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("button[aria-label='Revoke Finance system']")));
		assertThat(browser().findElement(By.id("done")).getText()).contains("“Finance system” is revoked");
		assertThat(browser().findElement(By.id("token-list")).getText()).contains("Revoked");
		assertThat(integration(token)).isEqualTo(401);

		HeadlessChromium.type(browser(), "currentPassword", PASSWORD);
		HeadlessChromium.type(browser(), "newPassword", "a longer pass phrase");
		HeadlessChromium.type(browser(), "confirmPassword", "a longer pass phrase");
		submit("Change password");
		assertThat(browser().findElement(By.id("done")).getText()).contains("Your password is changed");
		assertThat(TestHttp.api(port).send("GET", "/api/me", username, "a longer pass phrase", null, null).status())
			.isEqualTo(200);
	}

	private int integration(String token) {
		return TestHttp.api(port)
			.sendWithHeader("GET", "/api/me", "Authorization", "Bearer " + token, "application/json", null)
			.status();
	}

}
