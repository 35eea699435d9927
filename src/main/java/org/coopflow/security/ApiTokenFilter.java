package org.coopflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets in requests to {@code /api/**} that carry {@code Authorization: Bearer cf_...}, a personal API
 * token ({@link ApiTokens}); no password is checked, so no BCrypt. It sits in the API chain only, which
 * also guards {@code /engine-rest/**} and {@code /actuator/**}: a Bearer header there is refused with 401
 * rather than quietly ignored, so that an integration sent to the wrong place learns why at once. The
 * page chain has no such filter: Bearer headers are never read for the pages or Camunda's webapps.
 * <p>
 * Wrong tokens are not counted by {@link SignInThrottle}: the throttle slows down guessing passwords,
 * and a 256-bit token cannot be guessed; counting them per address would only let anyone with garbage
 * headers lock out an office's people behind one address.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	private final ApiTokens tokens;

	private final AuthenticationEntryPoint problems;

	ApiTokenFilter(ApiTokens tokens, AuthenticationEntryPoint problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		try {
			if (!API.matches(request)) {
				throw new ApiTokenRejectedException(
						"API tokens are accepted on /api/** only; use HTTP Basic for /engine-rest and /actuator.");
			}
			ApiTokenAuthentication authentication;
			try {
				authentication = tokens.authenticate(header.substring(BEARER.length()).trim());
			}
			catch (DataAccessException e) {
				// the token was never checked: 503 and Retry-After (ProblemResponses), not "invalid token"
				throw new InternalAuthenticationServiceException("The API tokens' table did not answer", e);
			}
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(authentication);
			SecurityContextHolder.setContext(context);
		}
		catch (AuthenticationException e) {
			SecurityContextHolder.clearContext();
			problems.commence(request, response, e);
			return;
		}
		chain.doFilter(request, response);
	}

}
