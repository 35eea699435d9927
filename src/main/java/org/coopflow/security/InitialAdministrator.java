package org.coopflow.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * coopflow ships no built-in password. When no administrator exists, the password in
 * {@code COOPFLOW_ADMIN_PASSWORD} creates the user {@code admin}; without it coopflow still starts and
 * says in the log how to create one.
 */
@Component
class InitialAdministrator implements ApplicationRunner {

	static final String USERNAME = "admin";

	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final String initialPassword;

	InitialAdministrator(AccountRepository accounts, PasswordEncoder passwordEncoder,
			@Value("${coopflow.security.initial-admin-password:}") String initialPassword) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.initialPassword = initialPassword;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		ensureAdministrator();
	}

	/** @return true if this call created the administrator */
	boolean ensureAdministrator() {
		if (accounts.anyEnabledWithRole(Role.ADMIN)) {
			if (initialPassword != null && !initialPassword.isBlank()) {
				log.warn("""
						COOPFLOW_ADMIN_PASSWORD is set but an administrator already exists, so it was not applied: \
						no user was created and no password changed. Remove the variable; a password is changed \
						with PUT /api/me/password.""");
			}
			return false;
		}
		if (initialPassword == null || initialPassword.isBlank()) {
			log.warn("""
					No coopflow administrator exists, so nobody can manage users or open Camunda Cockpit and Admin. \
					To create the user '{}', set the environment variable COOPFLOW_ADMIN_PASSWORD \
					(at least {} characters) and restart coopflow.""", USERNAME, MIN_PASSWORD_LENGTH);
			return false;
		}
		ChangePassword.problemWithNew(initialPassword).ifPresent(reason -> {
			throw new IllegalStateException("COOPFLOW_ADMIN_PASSWORD " + reason + "; the administrator was not created");
		});
		if (accounts.findByUsername(USERNAME).isPresent()) {
			throw new IllegalStateException("A user '" + USERNAME
					+ "' exists but is not an enabled ADMIN; fix it in the database rather than overwrite it");
		}
		accounts.insert(USERNAME, passwordEncoder.encode(initialPassword), "coopflow administrator", Role.ADMIN, null,
				null);
		log.info("Created the administrator '{}' from COOPFLOW_ADMIN_PASSWORD; remove the variable now", USERNAME);
		return true;
	}

}
