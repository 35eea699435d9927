package org.coopflow.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.shared.InvalidInputException;
import org.coopflow.reference.Office;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/me")
@Tag(name = "Signed-in user")
class MeController {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	MeController(AccountRepository accounts, PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	record Me(String username, String displayName, List<Role> roles, Office office, String memberState) {
	}

	record PasswordChange(@NotBlank String currentPassword,
			@NotBlank @Size(min = InitialAdministrator.MIN_PASSWORD_LENGTH, max = 128) String newPassword) {
	}

	@GetMapping
	@Operation(summary = "The signed-in user: roles, and the office or Member State the role is bound to")
	Me me(@AuthenticationPrincipal CoopflowUser user) {
		return new Me(user.getUsername(), user.getDisplayName(), List.of(user.getRole()), user.getOffice(),
				user.getMemberState());
	}

	@PutMapping("/password")
	@Transactional
	@Operation(summary = "Change the signed-in user's password")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal CoopflowUser user,
			@Valid @RequestBody PasswordChange change) {
		Account account = accounts.findByUsername(user.getUsername()).orElseThrow();
		if (!passwordEncoder.matches(change.currentPassword(), account.passwordHash())) {
			throw new InvalidInputException("currentPassword", "does not match your current password");
		}
		accounts.updatePasswordHash(account.username(), passwordEncoder.encode(change.newPassword()));
		return ResponseEntity.noContent().build();
	}

}
