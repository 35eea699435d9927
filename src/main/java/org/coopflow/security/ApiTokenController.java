package org.coopflow.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's API tokens. Only a person signed in with a password manages them: a request
 * let in by a token is refused (403) here, so that a leaked token cannot mint itself successors that
 * outlive its revocation or its expiry.
 */
@RestController
@RequestMapping("/api/me/tokens")
@Tag(name = "Signed-in user")
class ApiTokenController {

	private final ApiTokens tokens;

	private final Clock clock;

	ApiTokenController(ApiTokens tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/** Either {@code expiresAt} or {@code expiresInDays}; neither: {@value ApiTokens#DEFAULT_DAYS} days. */
	record NewToken(@NotBlank @Size(max = 100) String name, Instant expiresAt,
			@Min(1) @Max(ApiTokens.MAX_DAYS) Integer expiresInDays) {
	}

	@PostMapping
	@Operation(summary = "Create an API token; its secret is in this answer only")
	ResponseEntity<ApiTokens.Issued> create(Authentication authentication, @Valid @RequestBody NewToken request) {
		String username = person(authentication);
		Instant now = clock.instant();
		Instant expiresAt;
		if (request.expiresAt() != null) {
			if (request.expiresInDays() != null) {
				throw new InvalidInputException("expiresAt", "give either expiresAt or expiresInDays, not both");
			}
			if (!request.expiresAt().isAfter(now)) {
				throw new InvalidInputException("expiresAt", "must be in the future");
			}
			if (request.expiresAt().isAfter(now.plus(Duration.ofDays(ApiTokens.MAX_DAYS)))) {
				throw new InvalidInputException("expiresAt", "must be at most " + ApiTokens.MAX_DAYS + " days from now");
			}
			expiresAt = request.expiresAt();
		}
		else {
			int days = request.expiresInDays() == null ? ApiTokens.DEFAULT_DAYS : request.expiresInDays();
			expiresAt = now.plus(Duration.ofDays(days));
		}
		ApiTokens.Issued issued = tokens.issue(username, request.name().strip(), expiresAt);
		return ResponseEntity.created(URI.create("/api/me/tokens/" + issued.id())).body(issued);
	}

	@GetMapping
	@Operation(summary = "The signed-in person's API tokens, without their secrets")
	List<ApiTokens.Listed> list(Authentication authentication) {
		return tokens.list(person(authentication));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke an API token; requests with it are refused from now on")
	ResponseEntity<Void> revoke(Authentication authentication, @PathVariable long id) {
		String username = person(authentication);
		// revoking twice is answered as the first time: the token is revoked either way
		if (!tokens.revoke(username, id) && !tokens.exists(username, id)) {
			throw new NotFoundException("You have no API token " + id + ".");
		}
		return ResponseEntity.noContent().build();
	}

	private static String person(Authentication authentication) {
		if (authentication instanceof ApiTokenAuthentication) {
			throw new AccessDeniedException("API tokens are managed with your password (HTTP Basic), not with a token.");
		}
		return authentication.getName();
	}

}
