package org.coopflow.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers API clients that are not signed in or whose API token is not valid (401), must wait after failed sign-ins (429), could not be
 * checked because the user directory did not answer (503) or are not allowed (403) with
 * {@code application/problem+json}, as every other API error is answered.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ObjectMapper json;

	ProblemResponses(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		if (e instanceof SignInThrottledException throttled) {
			// the same answer whether or not the username exists, and for the right password too
			response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
			write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					"Too many failed sign-ins. Try again after the time in Retry-After (seconds).");
			return;
		}
		if (e instanceof InternalAuthenticationServiceException) {
			// the users' table did not answer (a database node died mid-request, a failover): the
			// credentials were never checked, so "wrong password" would be a lie a client acts on
			response.setHeader("Retry-After", "1");
			write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"Your credentials could not be checked just now (the database did not answer). Send the request again.");
			return;
		}
		if (e instanceof ApiTokenRejectedException) {
			// RFC 6750's answer to a bad Bearer token; the detail says why (expired, revoked) but not whose
			response.setHeader("WWW-Authenticate", "Bearer realm=\"coopflow\", error=\"invalid_token\"");
			write(request, response, HttpStatus.UNAUTHORIZED, e.getMessage());
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"coopflow\"");
		write(request, response, HttpStatus.UNAUTHORIZED,
				"Sign in with HTTP Basic authentication (username and password of a coopflow user).");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow " + request.getMethod() + " "
				+ request.getRequestURI() + ".");
	}

	/** Answers the request with a problem of coopflow's shape, for the security filters' own refusals. */
	void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		write(request, response, status, detail);
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
