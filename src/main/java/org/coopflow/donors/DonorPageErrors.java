package org.coopflow.donors;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.coopflow.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A donor who meets an error on these pages gets coopflow's HTML error page, not the API's
 * problem+json, which the application-wide handler would otherwise answer. Ordered first, because
 * among several advices the first that handles an exception at all wins.
 */
@ControllerAdvice(basePackageClasses = DonorPageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DonorPageErrors {

	private static final Logger log = LoggerFactory.getLogger(DonorPageErrors.class);

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	@ExceptionHandler(AccessDeniedException.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	/** A hand-edited address, e.g. {@code ?page=two}. */
	@ExceptionHandler({ TypeMismatchException.class, ServletRequestBindingException.class })
	void badRequest(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	@ExceptionHandler(Exception.class)
	void unexpected(Exception e, HttpServletResponse response) throws IOException {
		log.error("Unexpected error on a donor page", e);
		response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
	}

}
