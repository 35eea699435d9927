package org.coopflow.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Each address gets its requests a minute; one more is told how long to wait; another address is not. */
class OpenDataRateLimitTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final OpenDataRateLimit limit = new OpenDataRateLimit(3, new ObjectMapper(), now::get);

	private MockHttpServletResponse get(String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/open/api/programmes");
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		limit.doFilter(request, response, chain);
		if (chain.getRequest() != null) {
			response.setStatus(200);
		}
		return response;
	}

	@Test
	void oneRequestTooManyIsRefusedWithRetryAfterUntilTheMinuteIsOver() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(get("192.0.2.1").getStatus()).isEqualTo(200);
		}
		now.addAndGet(Duration.ofSeconds(20).toNanos());

		MockHttpServletResponse refused = get("192.0.2.1");

		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("40");
		assertThat(refused.getContentType()).isEqualTo("application/problem+json");
		assertThat(refused.getContentAsString()).contains("\"status\":429").contains("3 requests a minute");
		assertThat(get("192.0.2.2").getStatus()).as("another address").isEqualTo(200);

		now.addAndGet(Duration.ofSeconds(40).toNanos());
		assertThat(get("192.0.2.1").getStatus()).as("a new minute").isEqualTo(200);
	}

}
