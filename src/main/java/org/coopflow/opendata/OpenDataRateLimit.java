package org.coopflow.opendata;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code coopflow.open-data.requests-per-minute} requests (default 120) per client address and
 * minute to the open pages and API; more are answered 429 with Retry-After, in
 * {@code application/problem+json}. A fixed window per address: simple, and the worst burst (twice the
 * limit across a window's edge) is harmless for reads. Behind a proxy the address is the proxy's unless
 * {@code server.forward-headers-strategy} is set (see docs/open-data.md).
 */
@Component
class OpenDataRateLimit extends OncePerRequestFilter {

	private static final long WINDOW = Duration.ofMinutes(1).toNanos();

	private final int limit;

	private final Ticker ticker;

	private final ObjectMapper json;

	/** Each address's current window; forgotten a minute after it began, at most 100,000 addresses. */
	private final Cache<String, Window> windows;

	@Autowired
	OpenDataRateLimit(@Value("${coopflow.open-data.requests-per-minute:120}") int limit, ObjectMapper json) {
		this(limit, json, Ticker.systemTicker());
	}

	OpenDataRateLimit(int limit, ObjectMapper json, Ticker ticker) {
		this.limit = limit;
		this.json = json;
		this.ticker = ticker;
		this.windows = Caffeine.newBuilder()
			.ticker(ticker)
			.expireAfterWrite(Duration.ofNanos(WINDOW))
			.maximumSize(100_000)
			.build();
	}

	private static final class Window {

		final long startedAt;

		int requests;

		Window(long startedAt) {
			this.startedAt = startedAt;
		}

	}

	/** Counts the request; the seconds to wait when it is one too many, else 0. */
	long count(String address) {
		long now = ticker.read();
		Window window = windows.get(address, a -> new Window(now));
		synchronized (window) {
			if (now - window.startedAt >= WINDOW) {
				// expiry is lazy; a window past its minute starts again
				windows.put(address, new Window(now));
				return count(address);
			}
			window.requests++;
			if (window.requests <= limit) {
				return 0;
			}
			return Math.max(1, (window.startedAt + WINDOW - now + 999_999_999) / 1_000_000_000);
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long wait = count(request.getRemoteAddr());
		if (wait == 0) {
			chain.doFilter(request, response);
			return;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "More than " + limit
				+ " requests a minute from your address. Try again after the time in Retry-After (seconds).");
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", Long.toString(wait));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
