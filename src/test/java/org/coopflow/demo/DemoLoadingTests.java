package org.coopflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** While the demo portfolio loads, people and clients are asked to come back; the actuator still answers. */
class DemoLoadingTests {

	private final DemoLoading gate = new DemoLoading(new ObjectMapper());

	private MockHttpServletResponse get(String uri, String accept) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		gate.doFilter(request, response, chain);
		if (chain.getRequest() != null) {
			response.setStatus(299); // passed on to coopflow
		}
		return response;
	}

	@Test
	void whileLoadingAnApiClientHearsServiceUnavailableWithRetryAfter() throws Exception {
		gate.started();

		MockHttpServletResponse response = get("/api/pledges", "application/json");

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("2");
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":503").contains("loading its demo portfolio");
	}

	@Test
	void whileLoadingABrowserGetsAPageThatReloadsItself() throws Exception {
		gate.started();

		MockHttpServletResponse response = get("/login", "text/html,application/xhtml+xml");

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("http-equiv=\"refresh\"").contains("coopflow is starting");
	}

	@Test
	void theActuatorAnswersWhileLoadingAndEverythingOnceLoaded() throws Exception {
		gate.started();
		assertThat(get("/actuator/health/readiness", null).getStatus()).isEqualTo(299);

		gate.finished();
		assertThat(get("/login", "text/html").getStatus()).isEqualTo(299);
		assertThat(get("/api/pledges", null).getStatus()).isEqualTo(299);
	}

}
