package org.coopflow.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Office;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidInputException;
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
 * The administrators' users page: every user with their role and state, a form to add one, and per user
 * Disable or Enable and a new password. It does what {@code /api/users} does, for an administrator in a
 * browser. Adding a user and giving a new password ask for the administrator's own password again: each
 * makes a credential that outlives this session, which a session left open must not be enough for.
 */
@Controller
@RequestMapping("/users")
class UsersPageController {

	static final Map<String, String> LABELS = Map.of("username", "Username", "displayName", "Name", "email",
			"E-mail", "role", "Role", "office", "Office", "memberState", "Member State", "password", "First password",
			"newPassword", "New password", "adminPassword", "Your password");

	private final AccountRepository accounts;

	private final AddUser addUser;

	private final ChangeUserStatus status;

	private final CurrentPassword currentPassword;

	UsersPageController(AccountRepository accounts, AddUser addUser, ChangeUserStatus status,
			CurrentPassword currentPassword) {
		this.accounts = accounts;
		this.addUser = addUser;
		this.status = status;
		this.currentPassword = currentPassword;
	}

	/** One user as the page lists them. */
	record Row(String username, String displayName, String email, String roleInWords, boolean enabled) {
	}

	/** The add form as sent, to show it again with its errors (never the password). */
	record Form(String username, String displayName, String email, String role, String office, String memberState) {

		static Form blank() {
			return new Form("", "", "", "", "", "");
		}

	}

	@GetMapping
	String users(@AuthenticationPrincipal CoopflowUser administrator, Model model) {
		return show(administrator, model, Form.blank(), Map.of(), null, Map.of());
	}

	@PostMapping
	String add(@AuthenticationPrincipal CoopflowUser administrator, @RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String office,
			@RequestParam(defaultValue = "") String memberState, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String adminPassword, HttpServletRequest request, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Form form = new Form(username.strip(), displayName, email, role, office, memberState);
		Map<String, String> errors = new LinkedHashMap<>();
		Role chosenRole = parse(Role.class, role);
		Office chosenOffice = parse(Office.class, office);
		AddUser.NewUser user = new AddUser.NewUser(form.username(), displayName, email, chosenRole, chosenOffice,
				memberState.isBlank() ? null : memberState, password);
		// every mistake in the form at once; the administrator's password (a throttled check) once the rest is right
		AddUser.problems(user).forEach(error -> errors.putIfAbsent(error.field(), error.reason()));
		if (!role.isBlank() && chosenRole == null) {
			errors.put("role", "choose one of the roles offered");
		}
		try {
			if (errors.isEmpty()) {
				currentPassword.check(administrator.getUsername(), adminPassword, request.getRemoteAddr(), "adminPassword");
				Account added = addUser.add(administrator.getUsername(), user);
				redirect.addFlashAttribute("done", "Added " + added.displayName() + " (" + added.username()
						+ "). Give them the first password by a safe channel; they change it on their account page.");
				return "redirect:/users#user-" + added.username();
			}
		}
		catch (InvalidInputException e) {
			e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.reason()));
		}
		catch (ConflictException e) {
			errors.put("username", "is taken: choose another");
		}
		catch (TooManyWrongPasswordsException e) {
			errors.put("adminPassword", e.answerOnPage(response));
		}
		if (response.getStatus() < 400) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return show(administrator, model, form, errors, null, Map.of());
	}

	@PostMapping("/{username}/disable")
	String disable(@AuthenticationPrincipal CoopflowUser administrator, @PathVariable String username,
			RedirectAttributes redirect) {
		try {
			String disabled = status.disable(administrator.getUsername(), username);
			redirect.addFlashAttribute("done", disabled + " is disabled: signed out everywhere, API tokens revoked.");
			return "redirect:/users#user-" + disabled;
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
			return "redirect:/users";
		}
	}

	@PostMapping("/{username}/enable")
	String enable(@AuthenticationPrincipal CoopflowUser administrator, @PathVariable String username,
			RedirectAttributes redirect) {
		String enabled = status.enable(administrator.getUsername(), username);
		redirect.addFlashAttribute("done", enabled + " is enabled again.");
		return "redirect:/users#user-" + enabled;
	}

	@PostMapping("/{username}/password")
	String resetPassword(@AuthenticationPrincipal CoopflowUser administrator, @PathVariable String username,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String adminPassword,
			HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		ChangePassword.problemWithNew(newPassword).ifPresent(reason -> errors.put("newPassword", reason));
		try {
			if (errors.isEmpty()) {
				currentPassword.check(administrator.getUsername(), adminPassword, request.getRemoteAddr(), "adminPassword");
				String reset = status.resetPassword(administrator.getUsername(), username, newPassword);
				redirect.addFlashAttribute("done", reset + " has a new password and is signed out everywhere. "
						+ "Give it to them by a safe channel; they change it on their account page.");
				return "redirect:/users#user-" + reset;
			}
		}
		catch (InvalidInputException e) {
			e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.reason()));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
			return "redirect:/users";
		}
		catch (TooManyWrongPasswordsException e) {
			errors.put("adminPassword", e.answerOnPage(response));
		}
		if (response.getStatus() < 400) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return show(administrator, model, Form.blank(), Map.of(), username, errors);
	}

	private String show(CoopflowUser administrator, Model model, Form form, Map<String, String> errors,
			String resetFor, Map<String, String> resetErrors) {
		List<Row> rows = accounts.findAll()
			.stream()
			.map(a -> new Row(a.username(), a.displayName(), a.email(), new CoopflowUser(a).getRoleInWords(), a.enabled()))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("me", administrator.getUsername());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("labels", LABELS);
		model.addAttribute("roles", Role.values());
		model.addAttribute("offices", Office.values());
		model.addAttribute("countries", CountryNames.all());
		model.addAttribute("resetFor", resetFor);
		model.addAttribute("resetErrors", resetErrors);
		return "users";
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return value.isBlank() ? null : Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

}
