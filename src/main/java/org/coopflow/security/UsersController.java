package org.coopflow.security;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.reference.Office;
import org.coopflow.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * coopflow's users, for administrators (SecurityConfiguration lets only ADMIN in), signed in with their
 * password: a request let in by an API token is refused (403), so that a leaked token cannot make itself
 * an account, or take over one, that outlives its revocation.
 */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users (administrators)")
class UsersController {

	private final AccountRepository accounts;

	private final AddUser addUser;

	private final ChangeUserStatus status;

	UsersController(AccountRepository accounts, AddUser addUser, ChangeUserStatus status) {
		this.accounts = accounts;
		this.addUser = addUser;
		this.status = status;
	}

	/** A user as administrators see them; never the password's hash. */
	record User(String username, String displayName, String email, Role role, Office office, String memberState,
			boolean enabled) {

		static User of(Account account) {
			return new User(account.username(), account.displayName(), account.email(), account.role(),
					account.office(), account.countryCode(), account.enabled());
		}

	}

	record NewPassword(String newPassword) {

		/** Never the password: request bodies are logged at DEBUG. */
		@Override
		public String toString() {
			return "NewPassword[…]";
		}

	}

	@ModelAttribute
	void withPasswordOnly(Authentication authentication) {
		if (authentication instanceof ApiTokenAuthentication) {
			throw new AccessDeniedException("Users are administered with your password (HTTP Basic), not with an API token.");
		}
	}

	@GetMapping
	@Operation(summary = "Every user, by username")
	List<User> list() {
		return accounts.findAll().stream().map(User::of).toList();
	}

	@GetMapping("/{username}")
	@Operation(summary = "One user")
	User get(@PathVariable String username) {
		return accounts.findByUsername(username)
			.map(User::of)
			.orElseThrow(() -> new NotFoundException("There is no user " + username + "."));
	}

	@PostMapping
	@Operation(summary = "Add a user, with a first password to give them by a safe channel",
			description = "office for PROGRAMME_OFFICER and COORDINATOR, memberState (ISO 3166 code) for DONOR. "
					+ "Bad input is 400 naming every field; a username taken (whatever its case) is 409.")
	ResponseEntity<User> add(@AuthenticationPrincipal CoopflowUser administrator, @RequestBody AddUser.NewUser user) {
		User added = User.of(addUser.add(administrator.getUsername(), user));
		return ResponseEntity.created(URI.create("/api/users/" + added.username())).body(added);
	}

	@PostMapping("/{username}/disable")
	@Operation(summary = "Disable a user: no sign-in, sessions ended, API tokens refused; never your own account")
	ResponseEntity<Void> disable(@AuthenticationPrincipal CoopflowUser administrator, @PathVariable String username) {
		status.disable(administrator.getUsername(), username);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{username}/enable")
	@Operation(summary = "Enable a disabled user again")
	ResponseEntity<Void> enable(@AuthenticationPrincipal CoopflowUser administrator, @PathVariable String username) {
		status.enable(administrator.getUsername(), username);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{username}/password")
	@Operation(summary = "Give a user a new password (they lost theirs); their sessions end, their API tokens stay")
	ResponseEntity<Void> resetPassword(@AuthenticationPrincipal CoopflowUser administrator, @PathVariable String username,
			@RequestBody NewPassword password) {
		status.resetPassword(administrator.getUsername(), username, password.newPassword());
		return ResponseEntity.noContent().build();
	}

}
