package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.task.Task;
import org.coopflow.HeadlessChromium;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as the browser tests work it, as a person does: open it, pick a task in the list,
 * claim it, answer its Camunda Form, complete it. Only scrolls, clicks and types; shared by the browser
 * tests that go through Tasklist.
 */
final class TasklistPage {

	/** Tasklist's right-hand column, where the open task and its form are drawn. */
	static final String TASK_VIEW = "//section[contains(@class,'task-details')]";

	/** Generous: Tasklist is a large AngularJS app, and the build machine is often busy. */
	static final Duration WAIT = Duration.ofSeconds(60);

	/** How long a task may take to appear on the list's first page before it is opened through its link. */
	static final Duration LISTED = Duration.ofSeconds(15);

	private final WebDriver browser;

	private final int port;

	TasklistPage(WebDriver browser, int port) {
		this.browser = browser;
		this.port = port;
	}

	WebDriverWait waiting() {
		WebDriverWait wait = new WebDriverWait(browser, WAIT);
		// Angular redraws the task view (after a claim, for one), so an element found a moment ago can go
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * Signs in at coopflow's login page and opens the Tasklist address, which starts Camunda's session
	 * from it. When the first request of a freshly started server is slow, RequireJS gives up on
	 * Tasklist's plugin script and the page stays on its splash screen; a person reloads, and so does
	 * this, twice at most.
	 */
	void open(String user, String tasklistPath) {
		HeadlessChromium.signIn(browser, port, user);
		open(tasklistPath);
	}

	/** Opens a Tasklist address in the session already signed in, waiting for the task list. */
	void open(String tasklistPath) {
		for (int attempt = 1;; attempt++) {
			browser.get("http://localhost:" + port + tasklistPath);
			try {
				waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.tasks-list")));
				return;
			}
			catch (TimeoutException e) {
				if (attempt == 3 || browser.findElements(By.cssSelector(".app-splash")).isEmpty()) {
					throw e;
				}
			}
		}
	}

	static By taskLink(Task task) {
		return By.cssSelector(".tasks-list a[href='#/?task=" + task.getId() + "']");
	}

	/**
	 * Opens the task and waits for its form: clicked in the list when it is on the list's first page, else
	 * through its link, as coopflow's pages open it (the suite's shared database holds many tasks due
	 * sooner, so a new one may be listed far down, as in an office's real Tasklist).
	 */
	void openTask(Task task) {
		WebDriverWait listed = new WebDriverWait(browser, LISTED);
		listed.ignoring(StaleElementReferenceException.class);
		try {
			click(listed.until(ExpectedConditions.elementToBeClickable(taskLink(task))));
		}
		catch (TimeoutException notOnTheFirstPage) {
			// the filter in focus stays chosen, so that the task stays open once claimed
			String url = browser.getCurrentUrl();
			java.util.regex.Matcher filter = java.util.regex.Pattern.compile("[?&]filter=([^&]+)").matcher(url);
			browser.get("http://localhost:" + port + (filter.find()
					? TasklistLinks.HOME + "#/?filter=" + filter.group(1) + "&task=" + task.getId()
					: TasklistLinks.task(task.getId())));
		}
		waitForTask(task.getName());
	}

	/** Waits until the task view shows the task of that name with its form. */
	void waitForTask(String name) {
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2.task"), name));
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details .fjs-form")));
	}

	void claim() {
		click(waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".task-details button.claim"))));
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details li.assignee")));
		waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-details button.claim")));
	}

	/**
	 * Scrolls the element to the middle of the window, as a person scrolls to what they mean to click,
	 * and clicks it: scrolled only just into view, the form's last row sits under Tasklist's fixed footer.
	 */
	void click(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	/** The form field with the label, as a person finds it. */
	WebElement field(String label) {
		WebElement caption = waiting().until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath(TASK_VIEW + "//div[contains(@class,'fjs-form-field')]/label[normalize-space(.)='" + label + "']")));
		return browser.findElement(By.id(caption.getAttribute("for")));
	}

	/**
	 * Nothing of the open form is cut off: Tasklist draws every label on one line and hides what does not
	 * fit (white-space: nowrap, overflow: hidden), and a readonly text field hides what is past its width.
	 */
	@SuppressWarnings("unchecked")
	void assertNothingCutOff() {
		List<String> cut = (List<String>) ((JavascriptExecutor) browser).executeScript(
				"return Array.from(document.querySelectorAll('.task-details .fjs-form-field-label, "
						+ ".task-details input.fjs-input[readonly]'))"
						+ ".filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)"
						+ ".map(e => (e.textContent || e.value).trim() + ' (' + e.scrollWidth + ' > ' + e.clientWidth + ')');");
		assertThat(cut).as("cut off at %s px", browser.manage().window().getSize().getWidth()).isEmpty();
	}

	private WebElement completeButton() {
		return browser.findElement(By.cssSelector(".task-details button.btn-primary[ng-click='complete()']"));
	}

	/**
	 * Picks the radio option with the label. The form is drawn again once the claim is through, which
	 * clears a choice made just before; then the option is clicked again, as a person would.
	 */
	void choose(String option) {
		By label = By.xpath(TASK_VIEW + "//div[contains(@class,'fjs-form-field-radio')]"
				+ "//label[normalize-space(.)='" + option + "']");
		waiting().until(page -> {
			WebElement caption = page.findElement(label);
			WebElement radio = page.findElement(By.id(caption.getAttribute("for")));
			if (!radio.isSelected()) {
				click(caption);
			}
			return radio.isSelected() && completeButton().isEnabled();
		});
	}

	/**
	 * Clicks Complete; the task must leave the list. A refusal shows as an error notification, and the
	 * test fails with its words then instead of waiting out the timeout.
	 */
	void complete(Task task) {
		int errorsBefore = errors().size();
		click(completeButton());
		waiting().until(page -> page.findElements(taskLink(task)).isEmpty() || errors().size() > errorsBefore);
		assertThat(browser.findElements(taskLink(task)))
			.as("'%s' still listed after Complete; Tasklist says: %s", task.getName(), errors())
			.isEmpty();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"),
				"Select a task in the list."));
	}

	/**
	 * Keeps what the page showed when a test failed (its HTML and a screenshot, named after the test) in
	 * the folder, to read a red run by.
	 */
	static TestWatcher keepPageOnFailure(Supplier<WebDriver> browser, Path folder) {
		return new TestWatcher() {

			@Override
			public void testFailed(ExtensionContext test, Throwable cause) {
				WebDriver page = browser.get();
				if (page == null) {
					return;
				}
				try {
					Files.createDirectories(folder);
					String name = test.getRequiredTestMethod().getName();
					Files.writeString(folder.resolve(name + ".html"), page.getPageSource());
					Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));
				}
				catch (IOException | RuntimeException e) {
					cause.addSuppressed(e);
				}
			}

		};
	}

	List<String> errors() {
		return browser.findElements(By.cssSelector(".page-notifications .alert-danger"))
			.stream()
			.map(alert -> alert.getText().replace("×", "").strip())
			.toList();
	}

}
