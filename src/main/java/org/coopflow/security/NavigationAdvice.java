package org.coopflow.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page's header names the signed-in person and offers the places of their role
 * ({@code templates/layout.html :: header}); this gives every page controller, and Spring Boot's error
 * page, the two model attributes it reads: {@code currentUser} ({@link CoopflowUser}, null before sign-in)
 * and {@code navigation} ({@link Navigation}, null before sign-in).
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

	@ModelAttribute("currentUser")
	CoopflowUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof CoopflowUser user ? user : null;
	}

	@ModelAttribute("navigation")
	Navigation navigation(HttpServletRequest request) {
		CoopflowUser user = currentUser();
		if (user == null) {
			return null;
		}
		// on the error page the original address, so that the section the person was in stays marked
		Object original = request.getAttribute("jakarta.servlet.error.request_uri");
		String uri = original instanceof String text ? text : request.getRequestURI();
		String path = uri.substring(request.getContextPath().length());
		return Navigation.of(user.getRole(), path.isEmpty() ? "/" : path);
	}

}
