package org.coopflow.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.coopflow.shared.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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

	/**
	 * A path under {@code /engine-rest} about one task, e.g. {@code task/42/deployed-form}, not one of the task
	 * collection's own ({@code task/count}, {@code task/create}, {@code task/report/...}).
	 */
	private static final Pattern TASK = Pattern.compile("/?task/(?!(?:count|create|report)(?:/|$))([^/]+)(/.*)?");

	private final ObjectProvider<ProcessEngine> engine;

	EngineRestRetryLater(ObjectProvider<ProcessEngine> engine) {
		this.engine = engine;
	}

	@Override
	public void customize(org.glassfish.jersey.server.ResourceConfig config) {
		config.register(new RestExceptions(this));
		config.register(new EngineExceptions(this));
		config.register(new AnyExceptions(this));
	}

	Response answer(Throwable e, UriInfo request) {
		if (notFound(e)) {
			// Camunda answers its NotFoundException with 400, or 500 once complete has wrapped it; the thing is gone
			return gone(String.valueOf(e.getMessage()));
		}
		if (!TransientFailures.isTransient(e)) {
			// only then: a database that failed the request would fail the question whether its task exists too
			String task = goneTask(e, request);
			return task == null ? ExceptionHandlerHelper.getInstance().getResponse(e)
					: gone("Task " + task + " no longer exists: someone completed it, or its process ended, since it was "
							+ "opened. Reload the task list.");
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

	private static Response gone(String message) {
		return Response.status(Response.Status.NOT_FOUND)
			.type(MediaType.APPLICATION_JSON_TYPE)
			.entity(Map.of("type", "NotFoundException", "message", message, "code", 0))
			.build();
	}

	/**
	 * The task a request about one task failed for, if it no longer exists: Camunda's reads of a task that is gone
	 * (its form, variables, identity links) fail with 400 or 500 "task is null", or even a NullPointerException.
	 * Asked only of a failure Camunda would answer with 400 or 500, so a success costs nothing; a task that exists
	 * keeps Camunda's answer.
	 */
	private String goneTask(Throwable e, UriInfo request) {
		Response.Status status = ExceptionHandlerHelper.getInstance().getStatus(e);
		if (request == null || (status != Response.Status.INTERNAL_SERVER_ERROR && status != Response.Status.BAD_REQUEST)) {
			return null;
		}
		Matcher task = TASK.matcher(request.getPath());
		ProcessEngine processEngine = engine.getIfAvailable();
		if (!task.matches() || processEngine == null) {
			return null;
		}
		String id = task.group(1);
		try {
			boolean exists = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
				.getCommandExecutorTxRequired()
				.execute(context -> context.getTaskManager().findTaskById(id) != null);
			return exists ? null : id;
		}
		catch (RuntimeException unknown) {
			// not knowing is no reason to answer worse than Camunda would
			log.debug("Could not tell whether task {} exists: {}", id, unknown.toString());
			return null;
		}
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

		private final EngineRestRetryLater answers;

		@Context
		private UriInfo request;

		RestExceptions(EngineRestRetryLater answers) {
			this.answers = answers;
		}

		@Override
		public Response toResponse(RestException e) {
			return answers.answer(e, request);
		}

	}

	@Priority(100)
	static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

		private final EngineRestRetryLater answers;

		@Context
		private UriInfo request;

		EngineExceptions(EngineRestRetryLater answers) {
			this.answers = answers;
		}

		@Override
		public Response toResponse(ProcessEngineException e) {
			return answers.answer(e, request);
		}

	}

	@Priority(100)
	static class AnyExceptions implements ExceptionMapper<Throwable> {

		private final EngineRestRetryLater answers;

		@Context
		private UriInfo request;

		AnyExceptions(EngineRestRetryLater answers) {
			this.answers = answers;
		}

		@Override
		public Response toResponse(Throwable e) {
			return answers.answer(e, request);
		}

	}

}
