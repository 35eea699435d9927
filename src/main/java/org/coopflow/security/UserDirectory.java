package org.coopflow.security;

import java.util.List;
import java.util.Optional;

import org.coopflow.reference.Office;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who people are: their names for pages and mails, and whom to write to (the e-mail addresses of
 * enabled users, one by one, by role and office, or the donors who speak for one Member State).
 * Templates reach it as {@code @userDirectory}.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class UserDirectory {

	private final AccountRepository accounts;

	UserDirectory(AccountRepository accounts) {
		this.accounts = accounts;
	}

	/**
	 * The name a person reads for a username, e.g. in a timeline's "by ...": the account's display name,
	 * or the username itself when no account has it (a process step, a deleted account).
	 */
	public String nameOf(String username) {
		if (username == null || username.isBlank()) {
			return username;
		}
		return accounts.findByUsername(username)
			.map(Account::displayName)
			.filter(name -> name != null && !name.isBlank())
			.orElse(username);
	}

	public Optional<String> emailOf(String username) {
		return accounts.findByUsername(username)
			.filter(Account::enabled)
			.map(Account::email)
			.filter(email -> email != null && !email.isBlank());
	}

	/** {@link #nameOf}, with nothing (not null) for no username: for facts and texts that are never null. */
	public String displayNameOf(String username) {
		return username == null || username.isBlank() ? "" : nameOf(username);
	}

	/** The enabled accounts of a role in an office, e.g. who may take an office's programme officers' tasks. */
	public List<String> usernamesOf(Role role, Office office) {
		return accounts.findAllEnabled()
			.stream()
			.filter(account -> account.role() == role && account.office() == office)
			.map(Account::username)
			.toList();
	}

	public List<String> emailsOf(Role role, Office office) {
		return accounts.findAllEnabled()
			.stream()
			.filter(account -> account.role() == role && account.office() == office)
			.map(Account::email)
			.filter(email -> email != null && !email.isBlank())
			.toList();
	}

	/** Everyone who may read the pledges of this Member State (ISO 3166-1 alpha-2), and no one else. */
	public List<String> emailsOfDonors(String memberState) {
		return accounts.findAllEnabled()
			.stream()
			.filter(account -> account.role() == Role.DONOR && account.countryCode() != null
					&& account.countryCode().equalsIgnoreCase(memberState))
			.map(Account::email)
			.filter(email -> email != null && !email.isBlank())
			.toList();
	}

}
