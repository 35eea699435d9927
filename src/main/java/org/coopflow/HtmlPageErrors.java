package org.coopflow;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A person who meets an error on coopflow's pages gets the HTML error page, not the API's problem+json,
 * which the application-wide {@link ApiErrorHandler} would otherwise answer. A module's pages extend this
 * in a {@code @ControllerAdvice} scoped to their controllers and ordered first, because among several
 * advices the first that handles an exception at all wins.
 */
public abstract class HtmlPageErrors {

	private static final Logger log = LoggerFactory.getLogger(HtmlPageErrors.class);

	@ExceptionHandler(NotFoundException.class)
	protected void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	@ExceptionHandler(AccessDeniedException.class)
	protected void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	/** A hand-edited address, e.g. {@code ?page=two} or a filter that is not one of the choices. */
	@ExceptionHandler({ TypeMismatchException.class, ServletRequestBindingException.class,
			InvalidInputException.class })
	protected void badRequest(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	@ExceptionHandler(Exception.class)
	protected void unexpected(Exception e, HttpServletResponse response) throws IOException {
		log.error("Unexpected error on a page", e);
		response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
	}

}
