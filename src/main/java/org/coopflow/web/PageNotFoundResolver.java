package org.coopflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A person who follows a dead link gets coopflow's HTML error page; only API paths answer an unknown
 * path with problem+json ({@link ApiErrorHandler}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageNotFoundResolver implements HandlerExceptionResolver {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception exception) {
		if (!(exception instanceof NoResourceFoundException) || request.getRequestURI().startsWith("/api/")) {
			return null;
		}
		try {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
		catch (java.io.IOException e) {
			return null;
		}
		return new ModelAndView();
	}

}
