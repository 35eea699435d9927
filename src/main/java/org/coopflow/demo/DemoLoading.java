package org.coopflow.demo;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every request back with 503 and Retry-After while the demo portfolio loads. The loader moves
 * Camunda's clock through the past and completes tasks as the demo officers: a person signing in during
 * those seconds would see the loader's day, and what they did would be dated months ago. Only the
 * actuator answers (readiness says when coopflow is ready). Deliberately free of dependencies: Boot
 * creates filters with the web server, before the services the loader uses.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "coopflow.demo.portfolio.enabled", havingValue = "true")
class DemoLoading extends OncePerRequestFilter {

	/** Seconds a client is asked to wait: the load takes two to four. */
	static final int RETRY_AFTER = 2;

	private final AtomicBoolean loading = new AtomicBoolean();

	private final ObjectMapper json;

	DemoLoading(ObjectMapper json) {
		this.json = json;
	}

	void started() {
		loading.set(true);
	}

	void finished() {
		loading.set(false);
	}

	boolean loading() {
		return loading.get();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !loading.get() || request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String detail = "coopflow is loading its demo portfolio; try again in a few seconds.";
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", Integer.toString(RETRY_AFTER));
		String accept = request.getHeader("Accept");
		if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
			// a browser: a page that reloads itself until the portfolio is in
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write("""
					<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
					<meta http-equiv="refresh" content="%d"><title>coopflow is starting</title></head>
					<body style="font-family: system-ui, sans-serif; margin: 3rem">
					<h1>coopflow is starting</h1>
					<p>It is loading its demo portfolio. This page opens by itself in a few seconds.</p>
					</body></html>
					""".formatted(RETRY_AFTER));
			return;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle("Starting");
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
