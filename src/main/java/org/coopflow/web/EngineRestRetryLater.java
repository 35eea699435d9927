package org.coopflow.web;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.coopflow.shared.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * engine-rest answers a transient failure that outlived coopflow's retries (workflow's
 * {@code TransientRetryPlugin}) with 503 and Retry-After instead of Camunda's 500: Camunda maps an
 * {@code OptimisticLockingException} to 500, and its task completion wraps it in a {@code RestException}
 * with 500 ("Cannot complete task ..."). The body keeps Camunda's error shape ({@code type}, {@code message},
 * {@code code}) that Camunda's webapps and clients read, so they show the message. Something that no longer
 * exists (Camunda's {@code NotFoundException}, e.g. a task a colleague completed meanwhile) is 404 instead of
 * Camunda's 400 or 500; every other failure is answered exactly as Camunda answers it.
 */
@Component
class EngineRestRetryLater implements ResourceConfigCustomizer {

	private static final Logger log = LoggerFactory.getLogger(EngineRestRetryLater.class);

	@Override
	public void customize(org.glassfish.jersey.server.ResourceConfig config) {
		config.register(new RestExceptions());
		config.register(new EngineExceptions());
		config.register(new AnyExceptions());
	}

	static Response answer(Throwable e) {
		if (notFound(e)) {
			// Camunda answers its NotFoundException with 400, or 500 once complete has wrapped it; the thing is gone
			return Response.status(Response.Status.NOT_FOUND)
				.type(MediaType.APPLICATION_JSON_TYPE)
				.entity(Map.of("type", "NotFoundException", "message", String.valueOf(e.getMessage()), "code", 0))
				.build();
		}
		if (!TransientFailures.isTransient(e)) {
			return ExceptionHandlerHelper.getInstance().getResponse(e);
		}
		log.warn("engine-rest answers 503 to a transient database failure ({}): {}", TransientFailures.describe(e),
				e.toString());
		String type = e.getClass().getSimpleName();
		for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof OptimisticLockingException) {
				type = cause.getClass().getSimpleName();
				break;
			}
			if (e instanceof RestException && cause == e.getCause()) {
				type = cause.getClass().getSimpleName();
			}
		}
		return Response.status(Response.Status.SERVICE_UNAVAILABLE)
			.header("Retry-After", ApiErrorHandler.RETRY_AFTER_SECONDS)
			.type(MediaType.APPLICATION_JSON_TYPE)
			.entity(Map.of("type", type, "message",
					"The request met a conflicting change made at the same time (" + TransientFailures.describe(e)
							+ ") and was not completed; send it again.",
					"code", 0, "retryable", true))
			.build();
	}

	private static boolean notFound(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof NotFoundException) {
				return true;
			}
		}
		return false;
	}

	// Jersey picks among mappers of the same exception type the one of highest priority (lowest number);
	// Camunda registers its own for these three types without one (5000).

	@Priority(100)
	static class RestExceptions implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException e) {
			return answer(e);
		}

	}

	@Priority(100)
	static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException e) {
			return answer(e);
		}

	}

	@Priority(100)
	static class AnyExceptions implements ExceptionMapper<Throwable> {

		@Override
		public Response toResponse(Throwable e) {
			return answer(e);
		}

	}

}
