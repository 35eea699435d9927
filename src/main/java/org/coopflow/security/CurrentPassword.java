package org.coopflow.security;

import java.time.Duration;
import java.util.Optional;

import org.coopflow.shared.InvalidInputException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks the password a signed-in person types again to change it or to create an API token, behind the
 * same throttle as signing in. Without it, a session left open on a shared computer, or a leaked API
 * token, would be a way to guess the account's password as fast as the server answers: the sign-in form
 * and HTTP Basic make every wrong guess wait, this check must too.
 */
@Component
class CurrentPassword {

	static final String WRONG = "does not match your current password";

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final SignInThrottle throttle;

	CurrentPassword(AccountRepository accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
	}

	/**
	 * @param field the name of the field the password came in, for the error
	 * @param address the client's address, counted as a sign-in's is
	 * @throws InvalidInputException naming the field, when the password is not the account's
	 * @throws TooManyWrongPasswordsException while the username or the address must wait
	 */
	void check(String username, String password, String address, String field) {
		Optional<Duration> wait = throttle.attempt(username, address);
		if (wait.isPresent()) {
			throw new TooManyWrongPasswordsException(wait.get());
		}
		SignInThrottle.Outcome outcome = SignInThrottle.Outcome.UNCHECKED;
		try {
			String hash = accounts.findByUsername(username).orElseThrow().passwordHash();
			outcome = password != null && !password.isEmpty() && passwordEncoder.matches(password, hash)
					? SignInThrottle.Outcome.SUCCEEDED : SignInThrottle.Outcome.FAILED;
		}
		finally {
			throttle.finished(username, address, outcome);
		}
		if (outcome == SignInThrottle.Outcome.FAILED) {
			throw new InvalidInputException(field, WRONG);
		}
	}

}
