package org.coopflow.web;

import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.coopflow.shared.StaleVersionException;
import org.coopflow.shared.TransientFailures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonProcessingException;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error an API client gets is {@code application/problem+json} (RFC 9457) with a detail a person
 * can act on; input errors list each bad field with its reason. Never a stack trace.
 */
@RestControllerAdvice
class ApiErrorHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException e) {
		return invalid(e.errors().size() == 1 ? "The request has an invalid field." : "The request has invalid fields.",
				e.errors());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
	}

	@ExceptionHandler(StaleVersionException.class)
	ProblemDetail stale(StaleVersionException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
	}

	/** Thrown by services after the URL-level checks passed, e.g. another office's programme. */
	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
	}

	/**
	 * A task completion the engine refused (workflow's TaskCompletionRefused) carries the exception that
	 * refused it, coopflow's own or the engine's BadUserRequestException; anything else is a failure.
	 */
	@ExceptionHandler(ProcessEngineException.class)
	ProblemDetail engine(ProcessEngineException e, HttpServletResponse response) {
		if (TransientFailures.isTransient(e)) {
			return retryLater(e, response);
		}
		for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof InvalidInputException invalid) {
				return invalidInput(invalid);
			}
			if (cause instanceof NotFoundException notFound) {
				return notFound(notFound);
			}
			if (cause instanceof ConflictException conflict) {
				return conflict(conflict);
			}
			if (cause instanceof AccessDeniedException denied) {
				return forbidden(denied);
			}
		}
		for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof BadUserRequestException refused) {
				return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
			}
		}
		return unexpected(e, response);
	}

	/**
	 * A transaction that lost to a concurrent one (a deadlock, a Galera certification failure, the engine's
	 * optimistic lock) or met a database node that was briefly away, and was still failing after coopflow
	 * ran it again ({@code TransientRetry}): nothing is wrong with the request, so the client is told to
	 * send it again, not that the server failed.
	 */
	static ProblemDetail retryLater(Throwable e, HttpServletResponse response) {
		log.warn("Answering 503 to a transient database failure ({}): {}", TransientFailures.describe(e), e.toString());
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The request met a conflicting change made at the same time (" + TransientFailures.describe(e)
						+ ") and was not completed; send it again (a pledge with the same Idempotency-Key).");
		problem.setTitle("Conflict with a concurrent change, retry");
		problem.setProperty("retryable", true);
		return problem;
	}

	/** Seconds a client waits before it sends the request again. */
	static final String RETRY_AFTER_SECONDS = "1";

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e, HttpServletResponse response) {
		if (TransientFailures.isTransient(e)) {
			return retryLater(e, response);
		}
		log.error("Unexpected error answering an API request", e);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"coopflow could not complete the request; the error has been logged.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new InvalidField(error.getField(), error.getDefaultMessage()))
			.toList();
		return ResponseEntity.badRequest().body(invalid("The request has invalid fields.", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = e.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new InvalidField(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
			.toList();
		return ResponseEntity.badRequest().body(invalid("The request has invalid parameters.", errors));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = e.getPropertyName() != null ? e.getPropertyName() : "parameter";
		return ResponseEntity.badRequest()
			.body(invalid("The request has an invalid parameter.",
					List.of(new InvalidField(name, "'" + e.getValue() + "' is not a valid value"))));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = e.getCause();
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			return ResponseEntity.badRequest()
				.body(invalid("The request has an invalid field.", List.of(new InvalidField(path(mapping), reason(mapping)))));
		}
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(e)));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"There is nothing at /" + e.getResourcePath() + "."));
	}

	private static ProblemDetail invalid(String detail, List<InvalidField> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		problem.setProperties(Map.of("errors", errors));
		return problem;
	}

	private static String unreadable(HttpMessageNotReadableException e) {
		Throwable cause = e.getCause();
		if (cause instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
			return "The field '" + path(format) + "' has a value of the wrong type or format.";
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return "The field '" + path(mismatch) + "' has a value of the wrong type.";
		}
		if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
			return "The request body is not valid JSON (line " + json.getLocation().getLineNr() + ", column "
					+ json.getLocation().getColumnNr() + ").";
		}
		return "The request body is missing or is not valid JSON.";
	}

	private static String reason(JsonMappingException e) {
		if (e instanceof UnrecognizedPropertyException) {
			return "is not a field of this request";
		}
		if (e instanceof InvalidFormatException format && format.getTargetType() != null
				&& format.getTargetType().isEnum()) {
			return "'" + format.getValue() + "' is not one of "
					+ java.util.Arrays.toString(format.getTargetType().getEnumConstants());
		}
		String expected = e instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType()) : null;
		if (expected != null) {
			return expected;
		}
		if (e instanceof InvalidFormatException format) {
			return "'" + format.getValue() + "' is not a valid " + format.getTargetType().getSimpleName();
		}
		return "has a value of the wrong type";
	}

	/** What a client should send for the java.time types, which Jackson reads only from ISO text. */
	private static String expected(Class<?> type) {
		if (type == null) {
			return null;
		}
		if (type == LocalDate.class) {
			return "must be a date written as text, such as \"2026-11-30\"";
		}
		if (type == YearMonth.class) {
			return "must be a month written as text, such as \"2026-11\"";
		}
		if (type == LocalTime.class) {
			return "must be a time written as text, such as \"09:30\"";
		}
		if (type == LocalDateTime.class) {
			return "must be a date and time written as text, such as \"2026-11-30T09:30:00\"";
		}
		if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
			return "must be a date and time with its offset written as text, such as \"2026-11-30T09:30:00Z\"";
		}
		return null;
	}

	/** The field as bean validation names it ({@code instalments[0].dueDate}), so one request's errors read alike. */
	private static String path(JsonMappingException e) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference ref : e.getPath()) {
			if (ref.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
			}
			else {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
