package org.coopflow.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password check of the sign-in form and of HTTP Basic goes through here. While a username or
 * a client address must wait, the attempt is refused before the password is looked at, so the right
 * password does not get through either and a guess cannot be confirmed.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) throws AuthenticationException {
		String username = attempt.getName();
		// form login and HTTP Basic both fill WebAuthenticationDetails with request.getRemoteAddr()
		String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
		Optional<Duration> wait = throttle.attempt(username, address);
		if (wait.isPresent()) {
			throw new SignInThrottledException(wait.get());
		}
		SignInThrottle.Outcome outcome = SignInThrottle.Outcome.UNCHECKED;
		try {
			Authentication authenticated = passwords.authenticate(attempt);
			outcome = SignInThrottle.Outcome.SUCCEEDED;
			return authenticated;
		}
		catch (BadCredentialsException | AccountStatusException e) {
			// a wrong password, an unknown user (reported as a wrong password) or a disabled account;
			// not a database that cannot be reached, which would otherwise lock everyone out
			outcome = SignInThrottle.Outcome.FAILED;
			throw e;
		}
		finally {
			throttle.finished(username, address, outcome);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
