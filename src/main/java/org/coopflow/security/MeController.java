package org.coopflow.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.reference.Office;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/me")
@Tag(name = "Signed-in user")
class MeController {

	private final ChangePassword changePassword;

	MeController(ChangePassword changePassword) {
		this.changePassword = changePassword;
	}

	record Me(String username, String displayName, List<Role> roles, Office office, String memberState) {
	}

	record PasswordChange(@NotBlank String currentPassword,
			@NotBlank @Size(min = InitialAdministrator.MIN_PASSWORD_LENGTH, max = ChangePassword.MAX_PASSWORD_LENGTH) String newPassword) {

		/** Never the passwords: request bodies are logged at DEBUG. */
		@Override
		public String toString() {
			return "PasswordChange[…]";
		}

	}

	@GetMapping
	@Operation(summary = "The signed-in user: roles, and the office or Member State the role is bound to")
	Me me(@AuthenticationPrincipal CoopflowUser user) {
		return new Me(user.getUsername(), user.getDisplayName(), List.of(user.getRole()), user.getOffice(),
				user.getMemberState());
	}

	@PutMapping("/password")
	@Operation(summary = "Change the signed-in user's password",
			description = "Ends every sign-in session of the person (API tokens stay). A wrong current password counts as a failed sign-in: after too many, 429 with Retry-After.")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal CoopflowUser user,
			@Valid @RequestBody PasswordChange change, HttpServletRequest request) {
		changePassword.change(user.getUsername(), change.currentPassword(), change.newPassword(), request.getRemoteAddr(), null);
		return ResponseEntity.noContent().build();
	}

}
