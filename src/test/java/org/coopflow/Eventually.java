package org.coopflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Waits for what the job executor finishes after a request returns (steps marked asynchronous in a
 * model run as jobs of their own), instead of assuming the job already ran.
 */
public final class Eventually {

	private Eventually() {
	}

	/** Asks {@code actual} until it answers {@code expected}, for up to a minute; then asserts. */
	public static <T> T equals(Supplier<T> actual, T expected) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		T value = actual.get();
		while (!expected.equals(value) && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			value = actual.get();
		}
		assertThat(value).isEqualTo(expected);
		return value;
	}

}
