package org.coopflow;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.coopflow.workflow.TasklistLinks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every coopflow page of {@link CoopflowPages}, for each role, in headless Chromium on a phone (375 px)
 * and a desktop (1280 px): nothing scrolls sideways, and the role's navigation is there with the page's
 * own place marked. A screenshot of each is kept under target/screenshots/ to look at. And Tasklist offers
 * the way back to coopflow. Runs with {@code -Pbrowser}.
 */
@CoopflowTest
class CoopflowPagesBrowserTests {

	static final java.util.List<String> USERS = CoopflowPages.USERS;

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final HeadlessChromium.Session chromium = new HeadlessChromium.Session();

	private static CoopflowPages.Ids ids;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@BeforeAll
	static void screenshotFolder() throws IOException {
		Files.createDirectories(SCREENSHOTS);
	}

	private static WebDriver browser() {
		return chromium.driver();
	}

	private void signIn(String user) {
		chromium.signOut(port);
		HeadlessChromium.signIn(browser(), port, user);
	}

	@ParameterizedTest
	@FieldSource("USERS")
	void everyPageFitsAPhoneAndADesktopWithTheRolesNavigation(String user) throws IOException {
		if (ids == null) {
			ids = CoopflowPages.createData(port, context);
		}
		signIn(user);
		for (String page : CoopflowPages.of(user, ids)) {
			for (int width : new int[] { 375, 1280 }) {
				browser().manage().window().setSize(new Dimension(width, 900));
				browser().get("http://localhost:" + port + page);
				String name = user + page.replaceAll("[^A-Za-z0-9]+", "-") + "-" + width;
				Files.write(SCREENSHOTS.resolve(name + ".png"),
						((TakesScreenshot) browser()).getScreenshotAs(OutputType.BYTES));
				HeadlessChromium.assertFitsWidth(browser(), user + " " + page, width);
				WebElement nav = browser().findElement(By.cssSelector("header nav[aria-label=coopflow]"));
				assertThat(nav.isDisplayed()).as(name).isTrue();
				// a place of the role's navigation, or on the account page the person's name
				assertThat(browser().findElements(By.cssSelector("header nav[aria-label=coopflow] a[aria-current], #signed-in-as a[aria-current]")))
					.as(name + ": the place marked")
					.isNotEmpty();
				assertThat(browser().findElement(By.id("signed-in-as")).getText()).as(name).isNotBlank();
			}
		}
	}

	@Test
	void tasklistOffersTheWayBackToCoopflow() {
		signIn("officerCpcjd");
		browser().get("http://localhost:" + port + TasklistLinks.HOME);
		WebElement back = new WebDriverWait(browser(), Duration.ofSeconds(60))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("coopflow-way-back")));
		assertThat(back.getText()).contains("coopflow");
		assertThat(back.getAttribute("href")).isEqualTo("http://localhost:" + port + "/");
		HeadlessChromium.follow(browser(), back);
		assertThat(browser().getTitle()).isEqualTo("coopflow");
		assertThat(browser().findElement(By.tagName("h1")).getText()).startsWith("Welcome");
	}

}
