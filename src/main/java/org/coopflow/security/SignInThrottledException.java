package org.coopflow.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without looking at the password, because too many failed before it. */
class SignInThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	SignInThrottledException(Duration retryAfter) {
		super("Too many failed sign-ins");
		this.retryAfter = retryAfter;
	}

	/** Whole seconds, rounded up, as HTTP's Retry-After wants them. */
	long retryAfterSeconds() {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

}
