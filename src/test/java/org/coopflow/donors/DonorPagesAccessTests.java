package org.coopflow.donors;

import static org.assertj.core.api.Assertions.assertThat;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Only donors open the donor pages: other roles get the 403 page, people not signed in go to /login.
 */
@CoopflowTest
class DonorPagesAccessTests {

	private static final String[] PAGES = { "/donor/programmes", "/donor/pledges", "/donor/pledges/new",
			"/donor/chart" };

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "officerCpcjd", "coordinatorOhchr", "admin" })
	void otherRolesGetTheForbiddenPage(String user) {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn(user, TestHttp.DEMO_PASSWORD);
		for (String page : PAGES) {
			TestHttp.Response response = browser.browse(page);
			assertThat(response.status()).as(page).isEqualTo(403);
			assertThat(response.contentType()).as(page).startsWith("text/html");
			assertThat(response.body()).as(page).contains("You may not open this page");
		}
		assertThat(browser.browse("/").body()).doesNotContain("/donor/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/donor/programmes", "/donor/pledges", "/donor/pledges/new", "/donor/chart" })
	void peopleNotSignedInAreSentToSignIn(String page) {
		TestHttp.Response response = TestHttp.browser(port).browse(page);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	@ParameterizedTest
	@ValueSource(strings = { "donorNorway", "donorJapan" })
	void donorsFindThePagesOnTheStartPage(String user) {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn(user, TestHttp.DEMO_PASSWORD);
		String home = browser.browse("/").body();
		assertThat(home).contains("href=\"/donor/programmes\"", "href=\"/donor/pledges/new\"", "href=\"/donor/pledges\"",
				"href=\"/donor/chart\"");
		assertThat(browser.browse("/donor/programmes").status()).isEqualTo(200);
		assertThat(browser.browse("/donor/chart").status()).isEqualTo(200);
		assertThat(browser.browse("/donor/programmes?page=two").status()).isEqualTo(400);
	}

	@Test
	void aPledgeFormPostWithoutSpringsTokenIsRefused() {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("donorNorway", TestHttp.DEMO_PASSWORD);
		assertThat(browser.send("POST", "/donor/pledges", null, "application/x-www-form-urlencoded", "amount=100").status())
			.isEqualTo(403);
	}

}
