package org.coopflow.opendata;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The open pages' and API's two filters: the rate limit per address first, so that a refused request
 * costs nothing; then an ETag over every answer's body, so that a client sending If-None-Match gets 304
 * without the body when nothing it would read changed (lists included, whose Last-Modified could not
 * tell that a programme left them).
 */
@Configuration(proxyBeanMethods = false)
class OpenDataWeb {

	/** A servlet mapping: it matches {@code /open} itself too. */
	static final String PATHS = "/open/*";

	@Bean
	FilterRegistrationBean<OpenDataRateLimit> openDataRateLimitRegistration(OpenDataRateLimit limit) {
		FilterRegistrationBean<OpenDataRateLimit> registration = new FilterRegistrationBean<>(limit);
		registration.addUrlPatterns(PATHS);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> openDataEtagsRegistration() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns(PATHS);
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

}
