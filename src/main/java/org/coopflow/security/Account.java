package org.coopflow.security;

import org.coopflow.reference.Office;

/**
 * A coopflow user as stored in {@code app_user}.
 */
record Account(long id, String username, String passwordHash, String displayName, String email, Role role,
		Office office, String countryCode, boolean enabled) {

	/** Camunda accepts only these user ids (its default whitelist); coopflow uses the same rule. */
	static final String USERNAME_PATTERN = "[a-zA-Z0-9]+";

	java.util.List<String> camundaGroups() {
		return role.camundaGroups(office);
	}

}
