package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * A database node that dies while a request's credentials are looked up (seen in the fault test at a
 * Galera node's kill) must not answer "wrong password": the client would give up on right credentials.
 * Spring's password check wraps the lookup's failure; the API answers it 503 with Retry-After.
 */
class UnreachableUserDirectoryTests {

	private final ProblemResponses problems = new ProblemResponses(new ObjectMapper());

	@Test
	void credentialsThatCouldNotBeCheckedAreAnswered503NotUnauthorized() throws Exception {
		UserDetailsService deadConnection = username -> {
			throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
					new SQLNonTransientConnectionException("Communications link failure", "08S01"));
		};
		AuthenticationException failure = signIn(deadConnection);
		assertThat(failure).isInstanceOf(InternalAuthenticationServiceException.class);

		MockHttpServletResponse response = answer(failure);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getHeader("WWW-Authenticate")).isNull();
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("could not be checked").contains("\"status\":503");
	}

	@Test
	void aWrongPasswordIsStillUnauthorized() throws Exception {
		var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		String hash = encoder.encode("right");
		UserDetailsService users = username -> org.springframework.security.core.userdetails.User
			.withUsername(username).password(hash).roles("DONOR").build();
		AuthenticationException failure = signIn(users);
		assertThat(failure).isInstanceOf(BadCredentialsException.class);

		MockHttpServletResponse response = answer(failure);

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"coopflow\"");
	}

	private static AuthenticationException signIn(UserDetailsService users) {
		var passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		AtomicReference<AuthenticationException> thrown = new AtomicReference<>();
		assertThatThrownBy(() -> passwords.authenticate(new UsernamePasswordAuthenticationToken("donorNorway", "wrong")))
			.isInstanceOfSatisfying(AuthenticationException.class, thrown::set);
		return thrown.get();
	}

	private MockHttpServletResponse answer(AuthenticationException failure) throws Exception {
		var request = new MockHttpServletRequest("POST", "/api/pledges");
		request.setRequestURI("/api/pledges");
		var response = new MockHttpServletResponse();
		problems.commence(request, response, failure);
		return response;
	}

}
