package org.coopflow.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request let in by a personal API token rather than a password; kept apart from a password sign-in
 * so that what only a person may do (managing tokens) can tell the two apart.
 */
class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private final CoopflowUser user;

	private final long tokenId;

	ApiTokenAuthentication(CoopflowUser user, long tokenId) {
		super(user.getAuthorities());
		this.user = user;
		this.tokenId = tokenId;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		// the secret is not kept once checked
		return null;
	}

	@Override
	public CoopflowUser getPrincipal() {
		return user;
	}

	long tokenId() {
		return tokenId;
	}

}
