package org.coopflow.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A Bearer token that does not let its request in; the message is safe to show the client (it says
 * why, e.g. expired or revoked, but never whose token it was).
 */
class ApiTokenRejectedException extends AuthenticationException {

	ApiTokenRejectedException(String message) {
		super(message);
	}

}
