package org.coopflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLRecoverableException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.coopflow.CoopflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A transient database failure that escapes every handler (Spring Session reading or saving the session
 * as a node dies) is answered 503 with Retry-After in the request's own shape, never Boot's 500; anything
 * else passes through unchanged.
 */
@CoopflowTest
class RetryLaterFilterTests {

	@Autowired
	RetryLaterFilter filter;

	@Autowired
	ConfigurableApplicationContext context;

	private static final FilterChain SESSION_SAVE_LOST_ITS_LINK = (request, response) -> {
		response.getWriter().write("half a page");
		throw new RecoverableDataAccessException("JDBC commit",
				new SQLRecoverableException("Communications link failure", "08S01"));
	};

	private MockHttpServletResponse run(String path, FilterChain chain) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, chain);
		return response;
	}

	@Test
	void anApiRequestGetsProblemJson503WithRetryAfter() throws Exception {
		MockHttpServletResponse response = run("/api/programmes/88/submission", SESSION_SAVE_LOST_ITS_LINK);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		var body = new ObjectMapper().readTree(response.getContentAsString());
		assertThat(body.path("status").asInt()).isEqualTo(503);
		assertThat(body.path("retryable").asBoolean()).isTrue();
		assertThat(body.path("detail").asText()).contains("SQLState 08S01").doesNotContain("half a page");
	}

	@Test
	void engineRestGetsCamundasErrorShapeAndAPageGetsAPage() throws Exception {
		MockHttpServletResponse engine = run("/engine-rest/task/1/complete", SESSION_SAVE_LOST_ITS_LINK);
		assertThat(engine.getStatus()).isEqualTo(503);
		var body = new ObjectMapper().readTree(engine.getContentAsString());
		assertThat(body.path("type").asText()).isEqualTo("ServiceUnavailable");
		assertThat(body.path("message").asText()).isNotBlank();

		MockHttpServletResponse page = run("/donor/chart", SESSION_SAVE_LOST_ITS_LINK);
		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getHeader("Retry-After")).isEqualTo("1");
		assertThat(page.getContentType()).startsWith("text/html");
		assertThat(page.getContentAsString()).contains("Please try again").doesNotContain("half a page");
	}

	@Test
	void anyOtherFailureOrAResponseAlreadySentPassesThrough() {
		assertThatThrownBy(() -> run("/api/pledges", (request, response) -> {
			throw new DataIntegrityViolationException("a bug, not a failover");
		})).isInstanceOf(DataIntegrityViolationException.class);

		assertThatThrownBy(() -> run("/api/pledges", (request, response) -> {
			response.getWriter().write("sent");
			response.flushBuffer();
			throw new RecoverableDataAccessException("too late", new SQLRecoverableException("link", "08S01"));
		})).isInstanceOf(RecoverableDataAccessException.class);
	}

	/** It must wrap Spring Session's filter, which is where the session is read and saved. */
	@Test
	void itRunsBeforeSpringSessionsFilter() {
		List<AbstractFilterRegistrationBean<?>> registrations = new ServletContextInitializerBeans(
				(DefaultListableBeanFactory) context.getBeanFactory())
			.stream()
			.filter(AbstractFilterRegistrationBean.class::isInstance)
			.<AbstractFilterRegistrationBean<?>>map(registration -> (AbstractFilterRegistrationBean<?>) registration)
			.toList();
		assertThat(orderOf(registrations, RetryLaterFilter.class))
			.isLessThan(orderOf(registrations, SessionRepositoryFilter.class));
	}

	private int orderOf(List<AbstractFilterRegistrationBean<?>> registrations, Class<? extends Filter> type) {
		return registrations.stream()
			.filter(registration -> type.isAssignableFrom(filterType(registration)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no registration of " + type.getSimpleName()))
			.getOrder();
	}

	/** Boot registers Spring Session's filter by bean name, through a DelegatingFilterProxy. */
	private Class<?> filterType(AbstractFilterRegistrationBean<?> registration) {
		if (registration instanceof DelegatingFilterProxyRegistrationBean proxy) {
			return context.getType((String) ReflectionTestUtils.invokeMethod(proxy, "getTargetBeanName"));
		}
		return ((FilterRegistrationBean<?>) registration).getFilter().getClass();
	}

}
