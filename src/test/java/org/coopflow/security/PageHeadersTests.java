package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * coopflow's pages carry its Content-Security-Policy and Referrer-Policy; Camunda's webapps keep
 * their own policy; the session cookie is Secure when the request reached the proxy over TLS.
 */
@CoopflowTest
class PageHeadersTests {

	@LocalServerPort
	int port;

	@Test
	void coopflowPagesCarryThePolicies() {
		TestHttp browser = TestHttp.browser(port);
		TestHttp.Response login = browser.browse("/login");
		assertThat(login.headers().allValues("Content-Security-Policy"))
			.containsExactly(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).startsWith("default-src 'self'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(login.header("Referrer-Policy")).isEqualTo("same-origin");

		browser.signIn("donorNorway", TestHttp.DEMO_PASSWORD);
		TestHttp.Response pledges = browser.browse("/donor/pledges");
		assertThat(pledges.status()).isEqualTo(200);
		assertThat(pledges.headers().allValues("Content-Security-Policy"))
			.containsExactly(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(pledges.body()).doesNotContain("style=\"", "<style", "<script>");
	}

	@Test
	void pagesNameAnIconThatAnyoneMayFetch() {
		// without it every browser asks for /favicon.ico and logs a 404 in the console of every first visit
		TestHttp browser = TestHttp.browser(port);
		String icon = "<link rel=\"icon\" type=\"image/svg+xml\" href=\"/css/favicon.svg\">";
		assertThat(browser.browse("/login").body()).contains(icon);
		TestHttp.Response fetched = TestHttp.browser(port).browse("/css/favicon.svg");
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.header("Content-Type")).startsWith("image/svg+xml");
		browser.signIn("officerCpcjd", TestHttp.DEMO_PASSWORD);
		assertThat(browser.browse("/").body()).contains(icon);
		assertThat(browser.browse("/programmes").body()).contains(icon);
	}

	@Test
	void camundaWebappsKeepTheirOwnPolicy() {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("officerCpcjd", TestHttp.DEMO_PASSWORD);
		TestHttp.Response tasklist = browser.browse("/camunda/app/tasklist/default/");
		assertThat(tasklist.status()).isEqualTo(200);
		List<String> policies = tasklist.headers().allValues("Content-Security-Policy");
		assertThat(policies).hasSize(1);
		// Camunda's policy lets its own scripts run by nonce
		assertThat(policies.get(0)).isNotEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("nonce-");
	}

	@Test
	void theSessionCookieIsSecureBehindTls() {
		String overTls = sessionCookie(ProxiedClient.overTls(port).browse("/login"));
		assertThat(overTls).contains("Secure").contains("HttpOnly");
		String plain = sessionCookie(TestHttp.browser(port).browse("/login"));
		assertThat(plain).doesNotContain("Secure").contains("HttpOnly");
	}

	private static String sessionCookie(TestHttp.Response response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
	}

}
