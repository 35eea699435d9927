package org.coopflow.web;

import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.coopflow.shared.TransientFailures;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

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

	/**
	 * The request attribute through which the error page learns which parameters were wrong and why: a
	 * list of {@link InvalidField}, set before the error dispatch that renders {@code templates/error.html}.
	 */
	public static final String BAD_PARAMETERS = "badParameters";

	/**
	 * A hand-edited address, e.g. {@code ?page=two} or a filter that is not one of the choices: the page
	 * says which parameter and why, as the API's problem+json does.
	 */
	@ExceptionHandler({ TypeMismatchException.class, ServletRequestBindingException.class,
			InvalidInputException.class })
	protected void badRequest(Exception e, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		request.setAttribute(BAD_PARAMETERS, badParameters(e));
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	static List<InvalidField> badParameters(Exception e) {
		if (e instanceof InvalidInputException invalid) {
			return invalid.errors();
		}
		if (e instanceof MissingServletRequestParameterException missing) {
			return List.of(new InvalidField(missing.getParameterName(), "is required"));
		}
		if (e instanceof MethodArgumentTypeMismatchException mismatch) {
			return List.of(new InvalidField(mismatch.getName(), mustBe(mismatch.getRequiredType(), mismatch.getValue())));
		}
		if (e instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
			return List.of(new InvalidField(mismatch.getPropertyName(), mustBe(mismatch.getRequiredType(), mismatch.getValue())));
		}
		return List.of();
	}

	/** "Open (OPEN)": the value's name for people, and the code the address must carry. */
	private static String inWords(Enum<?> constant) {
		try {
			Object label = constant.getClass().getMethod("label").invoke(constant);
			return constant.name().equals(label) ? constant.name() : label + " (" + constant.name() + ")";
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			return constant.name();
		}
	}

	/** What a parameter must be, in words, with the value that was given. */
	private static String mustBe(Class<?> type, Object value) {
		String given = value == null ? "" : " (not \"" + value + "\")";
		if (type == null) {
			return "is not valid" + given;
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.stream(type.getEnumConstants())
				.map(constant -> inWords((Enum<?>) constant))
				.collect(Collectors.joining(", ")) + given;
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "must be a whole number" + given;
		}
		if (Number.class.isAssignableFrom(type)) {
			return "must be a number" + given;
		}
		if (LocalDate.class.equals(type)) {
			return "must be a date such as 2027-01-31" + given;
		}
		return "is not valid" + given;
	}

	/**
	 * A form whose transaction kept losing to concurrent changes (see {@code TransientRetry}): the page
	 * says that nothing was saved and to send the form again, with 503 and Retry-After, not "went wrong".
	 */
	@ExceptionHandler(Exception.class)
	protected void unexpected(Exception e, HttpServletResponse response) throws IOException {
		if (TransientFailures.isTransient(e)) {
			log.warn("Answering 503 to a transient database failure on a page ({}): {}", TransientFailures.describe(e),
					e.toString());
			response.setHeader("Retry-After", ApiErrorHandler.RETRY_AFTER_SECONDS);
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return;
		}
		log.error("Unexpected error on a page", e);
		response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
	}

}
