package org.coopflow.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Counts failed sign-ins per username and per client address and says how long further attempts
 * must wait. A username is counted whether or not such an account exists, so that the answer never
 * tells the two apart. A success clears the username's count, not the address's: otherwise one valid
 * account would let a client try passwords on every other account without end.
 */
class SignInThrottle {

	private final SignInThrottleSettings settings;

	private final Ticker ticker;

	private final Cache<String, Failures> byAccount;

	private final Cache<String, Failures> byAddress;

	SignInThrottle(SignInThrottleSettings settings, Ticker ticker) {
		this.settings = settings;
		this.ticker = ticker;
		this.byAccount = counters(settings, ticker);
		this.byAddress = counters(settings, ticker);
	}

	private static Cache<String, Failures> counters(SignInThrottleSettings settings, Ticker ticker) {
		return Caffeine.newBuilder()
			.ticker(ticker)
			.expireAfterWrite(settings.forgetAfter())
			.maximumSize(settings.maxTracked())
			.build();
	}

	/** How long the caller must still wait before trying this username from this address, if at all. */
	Optional<Duration> waitBefore(String username, String address) {
		long now = ticker.read();
		long waitNanos = Math.max(remaining(byAccount, key(username), now), remaining(byAddress, address, now));
		return waitNanos > 0 ? Optional.of(Duration.ofNanos(waitNanos)) : Optional.empty();
	}

	void failed(String username, String address) {
		long now = ticker.read();
		byAccount.asMap().compute(key(username), (k, f) -> next(f, settings.failuresPerAccount(), now));
		if (address != null) {
			byAddress.asMap().compute(address, (k, f) -> next(f, settings.failuresPerAddress(), now));
		}
	}

	void succeeded(String username) {
		byAccount.invalidate(key(username));
	}

	/** Forgets every count (tests that share one running application). */
	void clear() {
		byAccount.invalidateAll();
		byAddress.invalidateAll();
	}

	private Failures next(Failures previous, int allowed, long now) {
		int count = previous == null ? 1 : previous.count() + 1;
		if (count < allowed) {
			return new Failures(count, now);
		}
		// base, 2 x base, 4 x base ... from the allowed-th failure on, never beyond the maximum
		int doublings = Math.min(count - allowed, 30);
		long delay = Math.min(settings.baseDelay().toNanos() << doublings, settings.maxDelay().toNanos());
		if (delay < 0) {
			delay = settings.maxDelay().toNanos();
		}
		return new Failures(count, now + delay);
	}

	private static long remaining(Cache<String, Failures> counters, String key, long now) {
		if (key == null) {
			return 0;
		}
		Failures failures = counters.getIfPresent(key);
		return failures == null ? 0 : failures.blockedUntil() - now;
	}

	/** Usernames compare without case here: MySQL's collation finds 'Admin' as 'admin'. */
	private static String key(String username) {
		return username == null ? "" : username.toLowerCase(Locale.ROOT);
	}

	private record Failures(int count, long blockedUntil) {
	}

}
