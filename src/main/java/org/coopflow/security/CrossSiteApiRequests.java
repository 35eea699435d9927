package org.coopflow.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API chain has no CSRF token (nothing there keeps a session), but a browser that once answered a
 * Basic challenge on {@code /api} or {@code /engine-rest} sends those credentials again by itself, also
 * with a form another site submits to coopflow. Browsers say where a request comes from in
 * {@code Sec-Fetch-Site}; a request that would change something and comes from another site is refused
 * before anything is looked at. Integrations and scripts send no such header and are not affected.
 */
class CrossSiteApiRequests extends OncePerRequestFilter {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final ProblemResponses problems;

	CrossSiteApiRequests(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SAFE.contains(request.getMethod()) && "cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
			problems.refuse(request, response, HttpStatus.FORBIDDEN, "A browser sent this request for another site (Sec-Fetch-Site: "
					+ "cross-site); coopflow's API changes nothing on another site's behalf.");
			return;
		}
		chain.doFilter(request, response);
	}

}
