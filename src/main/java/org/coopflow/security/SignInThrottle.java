package org.coopflow.security;

import java.time.Duration;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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

	/**
	 * Password checks under way, by username and by address; guarded by this throttle. Only as many
	 * entries as requests in flight, each removed when its last check ends.
	 */
	private final Map<String, Integer> checking = new HashMap<>();

	private static final String ACCOUNT = "account:";

	private static final String ADDRESS = "address:";

	/** Longer than any password check, even on a loaded machine; then the attempt is told to retry. */
	private static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(30);

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

	/**
	 * Lets an attempt through, or says how long it must wait. Counted only once their passwords were
	 * checked, a burst of parallel guesses would all pass while the first ones were still being
	 * hashed; so no more attempts of one username (or address) are checked at a time than failures it
	 * has left before a wait, and the others queue for their turn. People and integrations sending
	 * several requests at once only queue behind each other's password checks. Every attempt let
	 * through must be reported to {@link #finished}.
	 */
	synchronized Optional<Duration> attempt(String username, String address) {
		long giveUpAt = System.nanoTime() + QUEUE_TIMEOUT.toNanos();
		while (true) {
			Optional<Duration> wait = waitBefore(username, address);
			if (wait.isPresent()) {
				return wait;
			}
			if (hasRoom(byAccount, ACCOUNT + key(username), key(username), settings.failuresPerAccount())
					&& (address == null || hasRoom(byAddress, ADDRESS + address, address, settings.failuresPerAddress()))) {
				checking.merge(ACCOUNT + key(username), 1, Integer::sum);
				if (address != null) {
					checking.merge(ADDRESS + address, 1, Integer::sum);
				}
				return Optional.empty();
			}
			long left = giveUpAt - System.nanoTime();
			if (left <= 0) {
				return Optional.of(Duration.ofSeconds(1));
			}
			try {
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return Optional.of(Duration.ofSeconds(1));
			}
		}
	}

	/**
	 * The attempt let through was checked: a failure is counted, a success starts the username afresh
	 * (not the address: one valid account must not reset the count for guessing every other one); an
	 * attempt that could not be checked at all (no database) counts for nothing.
	 */
	synchronized void finished(String username, String address, Outcome outcome) {
		checking.computeIfPresent(ACCOUNT + key(username), (k, n) -> n > 1 ? n - 1 : null);
		if (address != null) {
			checking.computeIfPresent(ADDRESS + address, (k, n) -> n > 1 ? n - 1 : null);
		}
		switch (outcome) {
			case FAILED -> failed(username, address);
			case SUCCEEDED -> byAccount.invalidate(key(username));
			case UNCHECKED -> {
			}
		}
		notifyAll();
	}

	enum Outcome {
		SUCCEEDED, FAILED, UNCHECKED
	}

	/** Checks under way leave room while fewer than the failures left; past a wait, one at a time. */
	private boolean hasRoom(Cache<String, Failures> counters, String checkingKey, String key, int allowed) {
		Failures failures = counters.getIfPresent(key);
		int failed = failures == null ? 0 : failures.count();
		return checking.getOrDefault(checkingKey, 0) < Math.max(1, allowed - failed);
	}

	private void failed(String username, String address) {
		long now = ticker.read();
		byAccount.asMap().compute(key(username), (k, f) -> next(f, settings.failuresPerAccount(), now));
		if (address != null) {
			byAddress.asMap().compute(address, (k, f) -> next(f, settings.failuresPerAddress(), now));
		}
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

	/**
	 * Usernames compare without case here: MySQL's collation finds 'Admin' as 'admin'. A name that
	 * cannot be a username (they are [A-Za-z0-9]+) is no account at all, but one counter for every
	 * such name: else accented or padded variants, which some collations also find as 'admin', would
	 * each get their own tries.
	 */
	private static String key(String username) {
		if (username == null || !username.matches(Account.USERNAME_PATTERN)) {
			return "";
		}
		return username.toLowerCase(Locale.ROOT);
	}

	private record Failures(int count, long blockedUntil) {
	}

}
