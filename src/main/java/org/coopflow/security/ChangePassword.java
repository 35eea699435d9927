package org.coopflow.security;

import java.util.Optional;

import org.coopflow.shared.InvalidInputException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A signed-in person changes their own password, through the API or the account page; their other sign-in
 * sessions end with it, as a person who changes a password because it may have leaked expects.
 */
@Service
class ChangePassword {

	static final int MAX_PASSWORD_LENGTH = 128;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final CurrentPassword currentPassword;

	private final SignInSessions sessions;

	ChangePassword(AccountRepository accounts, PasswordEncoder passwordEncoder, CurrentPassword currentPassword,
			SignInSessions sessions) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.currentPassword = currentPassword;
		this.sessions = sessions;
	}

	/**
	 * @param address the client's address: a wrong current password counts as a failed sign-in from it
	 * @param keepSession the sign-in session the change was made in, which stays; null (the API) ends them all
	 * @throws InvalidInputException naming {@code newPassword} or {@code currentPassword}; nothing changed
	 * @throws TooManyWrongPasswordsException while wrong passwords must wait; nothing changed
	 */
	void change(String username, String current, String newPassword, String address, String keepSession) {
		// the new password first: a typing mistake there must not cost a throttled check of the current one
		problemWithNew(newPassword).ifPresent(reason -> {
			throw new InvalidInputException("newPassword", reason);
		});
		currentPassword.check(username, current, address, "currentPassword");
		accounts.updatePasswordHash(username, passwordEncoder.encode(newPassword));
		// API tokens stay: each is revoked on its own, and an integration should not stop because a person
		// changed their password
		sessions.end(username, keepSession);
	}

	/** Why a new password cannot be taken, if it cannot. */
	static Optional<String> problemWithNew(String newPassword) {
		if (newPassword == null || newPassword.length() < InitialAdministrator.MIN_PASSWORD_LENGTH) {
			return Optional.of("must be at least " + InitialAdministrator.MIN_PASSWORD_LENGTH + " characters long");
		}
		// twelve spaces, or a short word padded with them, is no password: spaces inside one are welcome
		if (newPassword.strip().length() < InitialAdministrator.MIN_PASSWORD_LENGTH) {
			return Optional.of("must be at least " + InitialAdministrator.MIN_PASSWORD_LENGTH
					+ " characters long, not counting spaces at its start or end");
		}
		if (newPassword.length() > MAX_PASSWORD_LENGTH) {
			return Optional.of("must be at most " + MAX_PASSWORD_LENGTH + " characters long");
		}
		return Optional.empty();
	}

}
