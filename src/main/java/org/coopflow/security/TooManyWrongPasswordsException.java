package org.coopflow.security;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A current password refused without being looked at, because too many wrong ones came before it (see
 * {@link CurrentPassword}); the API answers it as a throttled sign-in: 429 with Retry-After.
 */
class TooManyWrongPasswordsException extends ErrorResponseException {

	private final long retryAfterSeconds;

	TooManyWrongPasswordsException(Duration wait) {
		super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many wrong passwords. Try again after the time in Retry-After (seconds)."), null);
		// whole seconds, rounded up, as HTTP's Retry-After wants them
		this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
	}

	long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	/** For a page's form: sets the answer's 429 and Retry-After, and says the wait in the field's words. */
	String answerOnPage(HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		return "too many wrong passwords: wait " + retryAfterSeconds + " seconds, then try again";
	}

}
