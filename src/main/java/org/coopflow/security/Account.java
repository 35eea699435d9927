package org.coopflow.security;

import org.coopflow.reference.Office;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A coopflow user as stored in {@code app_user}; {@code id} is 0 until the row is inserted.
 */
@Table("app_user")
record Account(@Id long id, String username, String passwordHash, String displayName, String email, Role role,
		@Column("office_code") Office office, String countryCode, boolean enabled) {

	/** Camunda accepts only these user ids (its default whitelist); coopflow uses the same rule. */
	static final String USERNAME_PATTERN = "[a-zA-Z0-9]+";

	/** The same account, enabled or not, as the row reads once that change is written. */
	Account withEnabled(boolean enabled) {
		return new Account(id, username, passwordHash, displayName, email, role, office, countryCode, enabled);
	}

	java.util.List<String> camundaGroups() {
		return role.camundaGroups(office);
	}

}
