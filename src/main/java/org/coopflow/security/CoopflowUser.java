package org.coopflow.security;

import java.util.List;

import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Office;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in user as Spring Security holds it, with the office or Member State the role is bound
 * to, so that other modules can scope what the user sees without another lookup.
 */
@org.springframework.modulith.NamedInterface("api")
public class CoopflowUser extends User {

	private final String displayName;

	private final Role role;

	private final Office office;

	private final String memberState;

	CoopflowUser(Account account) {
		super(account.username(), account.passwordHash(), account.enabled(), true, true, true,
				List.of(new SimpleGrantedAuthority(account.role().authority())));
		this.displayName = account.displayName();
		this.role = account.role();
		this.office = account.office();
		this.memberState = account.countryCode();
	}

	public String getDisplayName() {
		return displayName;
	}

	public Role getRole() {
		return role;
	}

	/** The office of a programme officer or coordinator; null for other roles. */
	public Office getOffice() {
		return office;
	}

	/** The role in words and what it is bound to, e.g. "Programme officer, CPCJD" or "Member State donor, Norway". */
	public String getRoleInWords() {
		if (office != null) {
			return role.label() + ", " + office.label();
		}
		if (memberState != null) {
			return role.label() + ", " + CountryNames.name(memberState);
		}
		return role.label();
	}

	/** The ISO 3166-1 alpha-2 code of a donor's Member State; null for other roles. */
	public String getMemberState() {
		return memberState;
	}

}
