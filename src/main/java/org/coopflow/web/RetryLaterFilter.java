package org.coopflow.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.coopflow.shared.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The last word on a transient database failure that no handler answered because it happened outside
 * every controller: in a filter, above all when the session is read as a request comes in or saved as its
 * response goes out (Spring Session's filter, outside Spring MVC and Jersey). A database node dying at that
 * instant would otherwise give Boot's default 500 for a page or API answer that was already made. It answers
 * 503 with Retry-After instead, shaped as the request's own handlers answer: problem+json under {@code /api},
 * Camunda's error shape under {@code /engine-rest}, a short page elsewhere. Any other failure, and any
 * response already on its way, is left as it was.
 */
@Component
class RetryLaterFilter extends OncePerRequestFilter implements Ordered {

	private static final Logger log = LoggerFactory.getLogger(RetryLaterFilter.class);

	private final ObjectMapper json;

	RetryLaterFilter(ObjectMapper json) {
		this.json = json;
	}

	/** Before Spring Session's filter ({@code Integer.MIN_VALUE + 50}), so that its failures pass through this. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException failure) {
			if (!TransientFailures.isTransient(failure) || response.isCommitted()) {
				throw failure;
			}
			log.warn("Answering 503 to a transient database failure outside the handlers ({}) for {} {}: {}",
					TransientFailures.describe(failure), request.getMethod(), request.getRequestURI(), failure.toString());
			answerRetryLater(request, response, failure);
		}
	}

	private void answerRetryLater(HttpServletRequest request, HttpServletResponse response, Throwable failure)
			throws IOException {
		response.reset();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, ApiErrorHandler.RETRY_AFTER_SECONDS);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String detail = "The database did not answer while this request was finished (" + TransientFailures.describe(failure)
				+ "). What the request changed may or may not have been saved: look before you send it again "
				+ "(a pledge sent again with the same Idempotency-Key is made once).";
		if (path.startsWith("/api/") || path.equals("/api")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
			problem.setTitle("Database briefly unavailable, retry");
			problem.setProperty("retryable", true);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(response.getOutputStream(), problem);
		}
		else if (path.startsWith("/engine-rest/")) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			json.writeValue(response.getOutputStream(),
					Map.of("type", "ServiceUnavailable", "message", detail, "code", 0, "retryable", true));
		}
		else {
			// a plain page: the layout's header itself needs the database and the session
			response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
			response.getOutputStream().write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
					+ "<title>Please try again · coopflow</title></head><body style=\"font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em\">"
					+ "<h1>Please try again in a moment</h1><p>coopflow lost its connection to the database while it finished "
					+ "this page. Reload the page. If you had sent a form, look whether it was saved before you send it again.</p>"
					+ "<p><a href=\"" + HtmlUtils.htmlEscape(request.getContextPath() + "/") + "\">Home</a></p></body></html>")
				.getBytes(StandardCharsets.UTF_8));
		}
	}

}
