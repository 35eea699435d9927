package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Guessing passwords over HTTP Basic or the sign-in form is slowed down after
 * coopflow.security.sign-in.failures-per-account failures (5 by default), whether the account exists
 * or not. Each test acts from its own client address (X-Forwarded-For from the local proxy), and the
 * counts are forgotten afterwards, so that the other tests' sign-ins stay unaffected.
 */
@CoopflowTest
class SignInGuessingTests {

	private static final int ALLOWED = 5;

	@LocalServerPort
	int port;

	@Autowired
	SignInThrottle throttle;

	@AfterEach
	void forgetTheFailures() {
		throttle.clear();
	}

	@Test
	void afterTooManyWrongPasswordsBasicAnswers429EvenToTheRightOne() {
		ProxiedClient guesser = ProxiedClient.from(port, "203.0.113.10");
		for (int i = 0; i < ALLOWED; i++) {
			assertThat(guesser.get("/api/me", "officerOhchr", "guess" + i).status()).isEqualTo(401);
		}
		TestHttp.Response wrong = guesser.get("/api/me", "officerOhchr", "guess" + ALLOWED);
		assertThat(wrong.status()).isEqualTo(429);
		assertThat(wrong.contentType()).startsWith("application/problem+json");
		assertThat(wrong.json().path("status").asInt()).isEqualTo(429);
		assertThat(Long.parseLong(wrong.header("Retry-After"))).isBetween(1L, 600L);

		TestHttp.Response right = guesser.get("/api/me", "officerOhchr", TestHttp.DEMO_PASSWORD);
		assertThat(right.status()).isEqualTo(429);
		assertThat(right.header("Retry-After")).isNotNull();
		// engine-rest signs in through the same chain
		assertThat(guesser.get("/engine-rest/task", "officerOhchr", TestHttp.DEMO_PASSWORD).status()).isEqualTo(429);
	}

	@Test
	void anotherAccountFromAnotherAddressIsUnaffected() {
		ProxiedClient guesser = ProxiedClient.from(port, "203.0.113.11");
		for (int i = 0; i <= ALLOWED; i++) {
			guesser.get("/api/me", "officerOhchr", "guess" + i);
		}
		assertThat(guesser.get("/api/me", "officerOhchr", TestHttp.DEMO_PASSWORD).status()).isEqualTo(429);
		assertThat(ProxiedClient.from(port, "198.51.100.7").get("/api/me", "coordinatorCpcjd", TestHttp.DEMO_PASSWORD)
			.status()).isEqualTo(200);
	}

	@Test
	void anUnknownAccountIsAnsweredExactlyAsAKnownOne() {
		ProxiedClient known = ProxiedClient.from(port, "203.0.113.12");
		ProxiedClient unknown = ProxiedClient.from(port, "203.0.113.13");
		for (int i = 0; i < ALLOWED; i++) {
			TestHttp.Response a = known.get("/api/me", "officerCpcjd", "guess" + i);
			TestHttp.Response b = unknown.get("/api/me", "noSuchUser", "guess" + i);
			assertThat(b.status()).isEqualTo(a.status()).isEqualTo(401);
			assertThat(b.body().replace("noSuchUser", "")).isEqualTo(a.body().replace("officerCpcjd", ""));
		}
		TestHttp.Response a = known.get("/api/me", "officerCpcjd", "guess");
		TestHttp.Response b = unknown.get("/api/me", "noSuchUser", "guess");
		assertThat(b.status()).isEqualTo(a.status()).isEqualTo(429);
		assertThat(b.body()).isEqualTo(a.body());
		assertThat(b.header("Retry-After")).isEqualTo(a.header("Retry-After"));
	}

	@Test
	void theSignInFormSaysInPlainWordsToWait() {
		ProxiedClient person = ProxiedClient.from(port, "203.0.113.14");
		for (int i = 0; i < ALLOWED; i++) {
			assertThat(person.signIn("reviewerOhchr", "guess" + i).header("Location")).endsWith("/login?error");
		}
		TestHttp.Response refused = person.signIn("reviewerOhchr", TestHttp.DEMO_PASSWORD);
		assertThat(refused.header("Location")).endsWith("/login?wait");
		assertThat(person.browse("/login?wait").body()).contains("Too many failed sign-ins. Wait a few minutes");
		assertThat(person.browse("/").status()).as("not signed in").isEqualTo(302);
	}

	@Test
	void aSuccessfulSignInClearsTheAccountsFailures() {
		ProxiedClient person = ProxiedClient.from(port, "203.0.113.15");
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < ALLOWED - 1; i++) {
				assertThat(person.get("/api/me", "coordinatorOhchr", "guess").status()).isEqualTo(401);
			}
			assertThat(person.get("/api/me", "coordinatorOhchr", TestHttp.DEMO_PASSWORD).status()).isEqualTo(200);
		}
	}

}
