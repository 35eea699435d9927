package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The sign-in throttle on a clock the test moves: who must wait, how long, and when the wait ends.
 */
class SignInThrottleTests {

	private final AtomicLong nanos = new AtomicLong();

	private final SignInThrottleSettings settings = new SignInThrottleSettings(3, 5, Duration.ofSeconds(10),
			Duration.ofSeconds(30), Duration.ofHours(1), 1000);

	private final ThrottledAuthenticationProvider signIn;

	SignInThrottleTests() {
		var users = new InMemoryUserDetailsManager(User.withUsername("amina").password("{noop}right").roles("X").build(),
				User.withUsername("carlos").password("{noop}right").roles("X").build());
		signIn = new ThrottledAuthenticationProvider(new DaoAuthenticationProvider(users),
				new SignInThrottle(settings, nanos::get));
	}

	private Authentication attempt(String username, String password, String address) {
		var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
		var request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		token.setDetails(new WebAuthenticationDetails(request));
		return signIn.authenticate(token);
	}

	private void fail(String username, String address) {
		assertThatThrownBy(() -> attempt(username, "wrong", address)).isInstanceOf(BadCredentialsException.class);
	}

	private long waitSeconds(String username, String password, String address) {
		try {
			attempt(username, password, address);
		}
		catch (SignInThrottledException e) {
			return e.retryAfterSeconds();
		}
		throw new AssertionError("not throttled");
	}

	private void advance(Duration duration) {
		nanos.addAndGet(duration.toNanos());
	}

	@Test
	void refusesEvenTheRightPasswordUntilTheDelayHasPassed() {
		fail("amina", "10.0.0.1");
		fail("amina", "10.0.0.1");
		fail("amina", "10.0.0.1");
		assertThat(waitSeconds("amina", "right", "10.0.0.1")).isEqualTo(10);
		advance(Duration.ofSeconds(9));
		assertThat(waitSeconds("amina", "right", "10.0.0.1")).isEqualTo(1);
		advance(Duration.ofSeconds(1));
		assertThat(attempt("amina", "right", "10.0.0.1").isAuthenticated()).isTrue();
	}

	@Test
	void theDelayDoublesWithEachFurtherFailureUpToTheMaximum() {
		for (int i = 0; i < 3; i++) {
			fail("amina", "10.0.0.1");
		}
		advance(Duration.ofSeconds(10));
		fail("amina", "10.0.0.1");
		assertThat(waitSeconds("amina", "wrong", "10.0.0.1")).isEqualTo(20);
		advance(Duration.ofSeconds(20));
		fail("amina", "10.0.0.1");
		assertThat(waitSeconds("amina", "wrong", "10.0.0.1")).isEqualTo(30);
	}

	@Test
	void aSuccessClearsTheAccountsCount() {
		fail("amina", "10.0.0.1");
		fail("amina", "10.0.0.1");
		attempt("amina", "right", "10.0.0.1");
		fail("amina", "10.0.0.1");
		fail("amina", "10.0.0.1");
		assertThat(attempt("amina", "right", "10.0.0.1").isAuthenticated()).isTrue();
	}

	@Test
	void anUnknownAccountIsCountedAndRefusedTheSameWay() {
		for (int i = 0; i < 3; i++) {
			fail("nobody", "10.0.0.1");
		}
		assertThat(waitSeconds("nobody", "anything", "10.0.0.1")).isEqualTo(10);
		assertThat(waitSeconds("NOBODY", "anything", "10.0.0.2")).as("usernames compare without case").isEqualTo(10);
	}

	@Test
	void oneAddressTryingManyAccountsWaitsForAllOfThem() {
		for (String username : new String[] { "a", "b", "c", "d", "e" }) {
			fail(username, "10.0.0.1");
		}
		assertThat(waitSeconds("amina", "right", "10.0.0.1")).isEqualTo(10);
		// a success of another account does not clear the address's count
		assertThat(attempt("carlos", "right", "10.0.0.2").isAuthenticated()).isTrue();
		assertThat(waitSeconds("carlos", "right", "10.0.0.1")).isEqualTo(10);
	}

	@Test
	void anotherAccountFromAnotherAddressIsUnaffected() {
		for (int i = 0; i < 3; i++) {
			fail("amina", "10.0.0.1");
		}
		assertThat(attempt("carlos", "right", "10.0.0.2").isAuthenticated()).isTrue();
	}

	@Test
	void variantsOfANameThatCannotBeAUsernameShareOneCount() {
		fail("\u00e1mina", "10.0.0.1");
		fail("amina ", "10.0.0.2");
		fail("amin\u00e4", "10.0.0.3");
		assertThat(waitSeconds("\u00e0mina", "right", "10.0.0.4")).isEqualTo(10);
		assertThat(attempt("amina", "right", "10.0.0.5").isAuthenticated()).as("the real account is not theirs").isTrue();
	}

	@Test
	void rightPasswordsFromOneAddressNeverAddUpToAWait() {
		for (int i = 0; i < 12; i++) {
			assertThat(attempt(i % 2 == 0 ? "amina" : "carlos", "right", "10.0.0.1").isAuthenticated()).isTrue();
		}
	}

	@Test
	void aBurstOfParallelGuessesGetsNoMoreTriesThanOneAfterAnother() throws Exception {
		AtomicInteger checked = new AtomicInteger();
		CountDownLatch hashing = new CountDownLatch(1);
		// a password check as slow as BCrypt's, held until every guess has been sent
		AuthenticationProvider slow = new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				checked.incrementAndGet();
				try {
					hashing.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				throw new BadCredentialsException("wrong");
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return true;
			}
		};
		var burst = new ThrottledAuthenticationProvider(slow, new SignInThrottle(settings, nanos::get));
		ExecutorService clients = Executors.newFixedThreadPool(20);
		try {
			List<Future<?>> guesses = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				guesses.add(clients.submit(() -> {
					var token = UsernamePasswordAuthenticationToken.unauthenticated("amina", "guess");
					var request = new MockHttpServletRequest();
					request.setRemoteAddr("10.0.0.9");
					token.setDetails(new WebAuthenticationDetails(request));
					return burst.authenticate(token);
				}));
			}
			Thread.sleep(500);
			hashing.countDown();
			for (Future<?> guess : guesses) {
				assertThatThrownBy(guess::get).hasCauseInstanceOf(org.springframework.security.core.AuthenticationException.class);
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(checked.get()).as("passwords checked").isEqualTo(settings.failuresPerAccount());
	}

}
