package org.coopflow.programmepages;

import jakarta.servlet.http.HttpServletResponse;

import org.coopflow.web.HtmlPageErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The programme pages' errors as pages. A hand-edited address (a status that is not one, a page number
 * below zero) gets a page that names the parameter and says what it should be, and a way back to the
 * list; everything else gets coopflow's error page.
 */
@ControllerAdvice(basePackageClasses = ProgrammePageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProgrammePageErrors extends HtmlPageErrors {

	@ExceptionHandler(BadPageParameter.class)
	String badParameter(BadPageParameter e, Model model, HttpServletResponse response) {
		return badRequest(e.parameter(), e.reason(), model, response);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String typeMismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
		String reason = "'" + e.getValue() + "' is not a programme number";
		return badRequest(e.getName(), e.getName().equals("id") ? reason : "'" + e.getValue() + "' cannot be read",
				model, response);
	}

	private static String badRequest(String parameter, String reason, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("parameter", parameter);
		model.addAttribute("reason", reason);
		return "programmes/bad-request";
	}

}
