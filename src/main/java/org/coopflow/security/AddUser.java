package org.coopflow.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Office;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator adds a user: a donor of one Member State, an officer or coordinator of one office, or
 * another administrator, with a first password to give them by a safe channel (they change it on their
 * account page). Officers and coordinators see the new colleague in Tasklist at once.
 */
@Service
class AddUser {

	private static final Logger log = LoggerFactory.getLogger(AddUser.class);

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuthorizationService authorizations;

	AddUser(AccountRepository accounts, PasswordEncoder passwordEncoder, AuthorizationService authorizations) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.authorizations = authorizations;
	}

	/** What the administrator gives; office only for officers and coordinators, memberState only for donors. */
	record NewUser(String username, String displayName, String email, Role role, Office office, String memberState,
			String password) {

		/** Never the password: request bodies are logged at DEBUG. */
		@Override
		public String toString() {
			return "NewUser[username=" + username + ", role=" + role + ", office=" + office + ", memberState=" + memberState
					+ "]";
		}

	}

	/**
	 * @throws InvalidInputException naming every field that is wrong; nothing added
	 * @throws ConflictException when the username is taken (whatever the case of its letters)
	 */
	@Transactional
	Account add(String administrator, NewUser user) {
		List<InvalidField> errors = problems(user);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (accounts.countByUsernameIgnoringCase(user.username()) > 0) {
			throw new ConflictException("The username " + user.username() + " is taken.");
		}
		String email = user.email() == null || user.email().isBlank() ? null : user.email().strip();
		Account account;
		try {
			account = accounts.save(new Account(0, user.username(), passwordEncoder.encode(user.password()),
					user.displayName().strip(), email, user.role(), user.role().isBoundToOffice() ? user.office() : null,
					user.role().isBoundToMemberState() ? user.memberState() : null, true));
		}
		catch (DbActionExecutionException e) {
			// Spring Data JDBC wraps the driver's refusal: another administrator added the same username, or one
			// differing only in case (the database's unique key compares without it), just now
			if (e.getCause() instanceof DuplicateKeyException) {
				throw new ConflictException("The username " + user.username() + " is taken.");
			}
			throw e;
		}
		CamundaIdentityPlugin.followAccount(authorizations, account);
		// who gave whom access, for the record (the table keeps no history of its own)
		log.info("{} added the user {} ({})", administrator, account.username(), new CoopflowUser(account).getRoleInWords());
		return account;
	}

	static List<InvalidField> problems(NewUser user) {
		List<InvalidField> errors = new ArrayList<>();
		String username = user.username() == null ? "" : user.username();
		if (username.isEmpty()) {
			errors.add(new InvalidField("username", "is required"));
		}
		else if (!username.matches(Account.USERNAME_PATTERN) || username.length() > 64) {
			errors.add(new InvalidField("username", "must be 1 to 64 letters (a-z, A-Z) and digits, as Camunda requires"));
		}
		if (user.displayName() == null || user.displayName().isBlank()) {
			errors.add(new InvalidField("displayName", "is required: the name people read on pages and in Tasklist"));
		}
		else if (user.displayName().strip().length() > 200) {
			errors.add(new InvalidField("displayName", "must be at most 200 characters long"));
		}
		if (user.email() != null && !user.email().isBlank()
				&& (user.email().strip().length() > 254 || !user.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			errors.add(new InvalidField("email", "is not an e-mail address"));
		}
		if (user.role() == null) {
			errors.add(new InvalidField("role", "is required"));
		}
		else if (user.role().isBoundToOffice() && user.office() == null) {
			errors.add(new InvalidField("office", "is required for " + user.role().label().toLowerCase() + "s"));
		}
		else if (!user.role().isBoundToOffice() && user.office() != null) {
			errors.add(new InvalidField("office", "is only for programme officers and coordinators"));
		}
		if (user.role() != null && user.role().isBoundToMemberState()) {
			if (user.memberState() == null || user.memberState().isBlank()) {
				errors.add(new InvalidField("memberState", "is required for donors: the Member State they pledge for"));
			}
			else if (!CountryNames.all().containsKey(user.memberState())) {
				errors.add(new InvalidField("memberState", "is not an ISO 3166 country code"));
			}
		}
		else if (user.memberState() != null && !user.memberState().isBlank()) {
			errors.add(new InvalidField("memberState", "is only for donors"));
		}
		ChangePassword.problemWithNew(user.password()).ifPresent(reason -> errors.add(new InvalidField("password", reason)));
		return errors;
	}

}
