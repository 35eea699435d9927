package org.coopflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each person's account page: who coopflow knows them as, their password, and their API tokens. It does
 * what {@code /api/me/password} and {@code /api/me/tokens} do, for people who sign in at {@code /login}
 * and should not need curl to change a password or to give an integration its token. Creating a token
 * asks for the password again: a session left open on a shared computer must not be enough to mint a
 * credential that outlives it.
 */
@Controller
@RequestMapping("/account")
class AccountPageController {

	/** What each field is called on the page, for the error summaries. */
	static final Map<String, String> LABELS = Map.of("currentPassword", "Current password", "newPassword",
			"New password", "confirmPassword", "New password again", "tokenName", "Name", "expiresInDays", "Lifetime",
			"tokenCurrentPassword", "Your password");

	/** The lifetimes the form offers, in days; the API takes any from 1 to {@value ApiTokens#MAX_DAYS}. */
	static final List<Integer> LIFETIMES = List.of(30, ApiTokens.DEFAULT_DAYS, 180, ApiTokens.MAX_DAYS);

	private final ChangePassword changePassword;

	private final CurrentPassword currentPassword;

	private final ApiTokens tokens;

	private final Clock clock;

	AccountPageController(ChangePassword changePassword, CurrentPassword currentPassword, ApiTokens tokens,
			Clock clock) {
		this.changePassword = changePassword;
		this.currentPassword = currentPassword;
		this.tokens = tokens;
		this.clock = clock;
	}

	/** One token as the page lists it; state is Active, Expired or Revoked. */
	record TokenRow(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt,
			String state) {
	}

	/** What the token form sent back, to show it again with its errors (never the password). */
	record TokenForm(String name, int expiresInDays) {
	}

	@GetMapping
	String account(@AuthenticationPrincipal CoopflowUser user, Model model) {
		return show(user, model, Map.of(), Map.of(), new TokenForm("", ApiTokens.DEFAULT_DAYS), null);
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal CoopflowUser user,
			@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		// what can be told without the current password, all at once; the current password (a throttled
		// check) only once the rest is right
		Map<String, String> errors = new LinkedHashMap<>();
		ChangePassword.problemWithNew(newPassword).ifPresent(reason -> errors.put("newPassword", reason));
		if (!newPassword.equals(confirmPassword)) {
			errors.put("confirmPassword", "does not match the new password");
		}
		if (errors.isEmpty()) {
			try {
				changePassword.change(user.getUsername(), currentPassword, newPassword, request.getRemoteAddr(),
						request.getSession().getId());
				// and this session goes on under a new id: if the password is changed because its cookie leaked,
				// the leaked id must end too (after the others are ended: the store renames the row at the
				// request's end, and would find nothing to rename had the row been ended under its old id)
				request.changeSessionId();
				redirect.addFlashAttribute("done", "Your password is changed. Use the new one from now on; you are signed out everywhere else.");
				return "redirect:/account";
			}
			catch (InvalidInputException e) {
				e.errors().forEach(error -> errors.put(error.field(), error.reason()));
			}
			catch (TooManyWrongPasswordsException e) {
				errors.put("currentPassword", e.answerOnPage(response));
			}
		}
		if (response.getStatus() < 400) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return show(user, model, errors, Map.of(), new TokenForm("", ApiTokens.DEFAULT_DAYS), null);
	}

	@PostMapping("/tokens")
	String createToken(@AuthenticationPrincipal CoopflowUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String expiresInDays,
			@RequestParam(defaultValue = "") String currentPassword, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		String tokenName = name.strip();
		if (tokenName.isEmpty()) {
			errors.put("tokenName", "is required: say what the token is for, e.g. the integration's name");
		}
		else if (tokenName.length() > 100) {
			errors.put("tokenName", "must be at most 100 characters long");
		}
		Integer days = LIFETIMES.stream().filter(d -> d.toString().equals(expiresInDays.strip())).findFirst().orElse(null);
		if (days == null) {
			errors.put("expiresInDays", "choose one of the lifetimes offered");
		}
		TokenForm form = new TokenForm(tokenName, days == null ? ApiTokens.DEFAULT_DAYS : days);
		if (errors.isEmpty()) {
			try {
				this.currentPassword.check(user.getUsername(), currentPassword, request.getRemoteAddr(),
						"tokenCurrentPassword");
				ApiTokens.Issued issued = tokens.issue(user.getUsername(), tokenName,
						clock.instant().plus(Duration.ofDays(days)));
				// the secret is in this answer only: not in a redirect's flash (kept in the session store),
				// and not in any cache
				response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
				response.setStatus(HttpStatus.CREATED.value());
				return show(user, model, Map.of(), Map.of(), new TokenForm("", ApiTokens.DEFAULT_DAYS), issued);
			}
			catch (InvalidInputException e) {
				e.errors().forEach(error -> errors.put(error.field(), error.reason()));
			}
			catch (TooManyWrongPasswordsException e) {
				errors.put("tokenCurrentPassword", e.answerOnPage(response));
			}
		}
		if (response.getStatus() < 400) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return show(user, model, Map.of(), errors, form, null);
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id, RedirectAttributes redirect) {
		String name = tokens.list(user.getUsername())
			.stream()
			.filter(token -> token.id() == id)
			.map(ApiTokens.Listed::name)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("You have no API token " + id + "."));
		tokens.revoke(user.getUsername(), id);
		redirect.addFlashAttribute("done", "The token “" + name + "” is revoked: requests with it are refused from now on.");
		return "redirect:/account#tokens";
	}

	private String show(CoopflowUser user, Model model, Map<String, String> passwordErrors,
			Map<String, String> tokenErrors, TokenForm tokenForm, ApiTokens.Issued issued) {
		Instant now = clock.instant();
		model.addAttribute("user", user);
		model.addAttribute("passwordErrors", passwordErrors);
		model.addAttribute("tokenErrors", tokenErrors);
		model.addAttribute("tokenForm", tokenForm);
		model.addAttribute("lifetimes", LIFETIMES);
		model.addAttribute("labels", LABELS);
		model.addAttribute("issued", issued);
		model.addAttribute("minPasswordLength", InitialAdministrator.MIN_PASSWORD_LENGTH);
		model.addAttribute("tokens", tokens.list(user.getUsername())
			.stream()
			.map(t -> new TokenRow(t.id(), t.name(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.revokedAt(),
					t.revokedAt() != null ? "Revoked" : !now.isBefore(t.expiresAt()) ? "Expired" : "Active"))
			.toList());
		return "account";
	}

}
