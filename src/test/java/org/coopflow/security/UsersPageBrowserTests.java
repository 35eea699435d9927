package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.coopflow.CoopflowTest;
import org.coopflow.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The users page in headless Chromium, as an administrator uses it: a new coordinator added from the
 * header's Users, who then signs in with the first password and sees their office; then disabled, after
 * which the same sign-in is refused. Runs with {@code -Pbrowser}.
 */
@CoopflowTest
class UsersPageBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final HeadlessChromium.Session chromium = new HeadlessChromium.Session();

	@LocalServerPort
	int port;

	private WebDriver browser() {
		return chromium.driver();
	}

	private void signInAs(String username, String password) {
		chromium.signOut(port);
		browser().get("http://localhost:" + port + "/login");
		HeadlessChromium.type(browser(), "username", username);
		HeadlessChromium.type(browser(), "password", password);
		HeadlessChromium.follow(browser(), browser().findElement(By.cssSelector("button[type=submit]")));
	}

	@Test
	void anAdministratorAddsACoordinatorWhoThenSignsIn() {
		chromium.signOut(port);
		HeadlessChromium.signIn(browser(), port, "admin");
		HeadlessChromium.follow(browser(), browser().findElement(By.linkText("Users")));
		assertThat(browser().getTitle()).isEqualTo("Users · coopflow");

		String username = "karin" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		HeadlessChromium.type(browser(), "username", username);
		HeadlessChromium.type(browser(), "displayName", "Karin Lindqvist");
		new Select(browser().findElement(By.id("role"))).selectByVisibleText("Coordinator");
		HeadlessChromium.type(browser(), "password", "first password 1");
		HeadlessChromium.type(browser(), "adminPassword", "demo");
		HeadlessChromium.follow(browser(), browser().findElement(By.xpath("//button[text()='Add user']")));
		assertThat(browser().findElement(By.id("add-errors")).getText()).contains("Office: is required for coordinators");

		new Select(browser().findElement(By.id("office"))).selectByValue("OHCHR");
		HeadlessChromium.type(browser(), "password", "first password 1");
		HeadlessChromium.type(browser(), "adminPassword", "demo");
		HeadlessChromium.follow(browser(), browser().findElement(By.xpath("//button[text()='Add user']")));
		assertThat(browser().findElement(By.id("done")).getText()).contains("Added Karin Lindqvist (" + username + ")");
		assertThat(browser().findElement(By.id("user-" + username)).getText()).contains("Coordinator, OHCHR")
			.contains("Enabled");
		HeadlessChromium.screenshot(browser(), SCREENSHOTS, "users-added-1280");

		signInAs(username, "first password 1");
		assertThat(browser().findElement(By.id("signed-in-as")).getText()).contains("Karin Lindqvist")
			.contains("Coordinator, OHCHR");

		signInAs("admin", "demo");
		browser().get("http://localhost:" + port + "/users");
		HeadlessChromium.follow(browser(),
				browser().findElement(By.cssSelector("button[aria-label='Disable Karin Lindqvist']")));
		assertThat(browser().findElement(By.id("user-" + username)).getText()).contains("Disabled");

		signInAs(username, "first password 1");
		assertThat(browser().getCurrentUrl()).contains("/login?error");
	}

}
