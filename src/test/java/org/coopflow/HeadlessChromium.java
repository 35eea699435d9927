package org.coopflow;

import org.openqa.selenium.Dimension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and its driver, started headless with a fresh profile. Both paths are given, so
 * Selenium Manager never runs: nothing may be downloaded during the tests. A missing browser fails the
 * tests with a message saying what to install, because a skipped browser test would look like a pass.
 */
public final class HeadlessChromium {

	static final Path BROWSER = Path.of(System.getProperty("coopflow.test.chromium", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getProperty("coopflow.test.chromedriver", "/usr/bin/chromedriver"));

	private HeadlessChromium() {
	}

	public static void requireInstalled() {
		for (Path executable : new Path[] { BROWSER, DRIVER }) {
			if (!Files.isExecutable(executable)) {
				throw new IllegalStateException(executable + " is missing: the browser tests (-Pbrowser) need Chromium and"
						+ " its driver, e.g. apt-get install -y chromium chromium-driver");
			}
		}
	}

	/**
	 * One headless Chromium for a test class: started before its first test, quit after its last. Register
	 * it with {@code @RegisterExtension static final HeadlessChromium.Session chromium = new HeadlessChromium.Session();}.
	 */
	public static final class Session implements BeforeAllCallback, AfterAllCallback {

		private ChromeDriver driver;

		@Override
		public void beforeAll(ExtensionContext context) {
			driver = start();
		}

		@Override
		public void afterAll(ExtensionContext context) {
			if (driver != null) {
				driver.quit();
				driver = null;
			}
		}

		public WebDriver driver() {
			if (driver == null) {
				throw new IllegalStateException("Chromium runs only between the first and the last test of its class");
			}
			return driver;
		}

		/** At the sign-in page of coopflow on the port, signed out, at a desktop's width: where each test starts. */
		public void signOut(int port) {
			driver().manage().window().setSize(new Dimension(1280, 1000));
			driver().get("http://localhost:" + port + "/login");
			driver().manage().deleteAllCookies();
		}

		public void type(String id, String text) {
			HeadlessChromium.type(driver(), id, text);
		}

		public void date(String id, LocalDate date) {
			HeadlessChromium.date(driver(), id, date);
		}

		/** Submits the form with the id by its submit button, and waits for the next page. */
		public void submit(String formId) {
			follow(driver(), driver().findElement(By.cssSelector("#" + formId + " button[type=submit]")));
		}

	}

	public static ChromeDriver start() {
		requireInstalled();
		Path profile;
		try {
			// under target/, so that a clean build removes it with the rest
			profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium")), "profile-");
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot create a profile directory for Chromium", e);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1000", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/**
	 * Clicks a link or submit button and waits for the next page: without the wait, the next lookup
	 * can still find an element of the page being left, which then goes stale.
	 */
	public static void follow(WebDriver browser, WebElement clickable) {
		WebElement leaving = browser.findElement(By.tagName("html"));
		clickable.click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> gone(leaving));
		// the old page is gone; wait until the next one has loaded, or a lookup may hit a document being replaced
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(
				page -> "complete".equals(((JavascriptExecutor) page).executeScript("return document.readyState")));
	}

	/**
	 * Whether the page's element has left the document. Selenium's stalenessOf asks the element and
	 * expects "stale"; while Chromium is swapping documents its driver may instead answer "Node with
	 * given id does not belong to the document", which means the same.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException e) {
			return true;
		}
		catch (WebDriverException e) {
			if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw e;
		}
	}

	/** Signs in at /login as a demo user, as a person would, and waits for the start page. */
	public static void signIn(WebDriver browser, int port, String user) {
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(TestHttp.DEMO_PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.getTitle().equals("coopflow"));
	}

	/** Types the text into the field with the id, in place of what it held. */
	public static void type(WebDriver browser, String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/** A date field's value as the page sends it; typing into one depends on the browser's locale. */
	public static void date(WebDriver browser, String id, LocalDate date) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)),
				date.toString());
	}

	/** Keeps what the window shows as folder/name.png, as a test's output. */
	public static void screenshot(WebDriver browser, Path folder, String name) {
		try {
			Files.createDirectories(folder);
			Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot keep the screenshot " + name, e);
		}
	}

	/** The page now open fits the window's width: nothing makes it scroll sideways. */
	public static void assertFitsWidth(WebDriver browser, String page, int width) {
		JavascriptExecutor script = (JavascriptExecutor) browser;
		long viewport = (Long) script.executeScript("return window.innerWidth");
		long content = (Long) script.executeScript("return document.documentElement.scrollWidth");
		assertThat(viewport).as(page).isLessThanOrEqualTo(width);
		assertThat(content).as(page + " scrolls sideways").isLessThanOrEqualTo(viewport);
	}

}
