package org.coopflow.security;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a person's sign-in sessions, on every node at once since sessions live in the database: when
 * their password changes or their account is disabled.
 */
@Component
class SignInSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SignInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** @param keep the session that stays (the one the person is using), or null to end them all */
	void end(String username, String keep) {
		sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> !id.equals(keep))
			.forEach(sessions::deleteById);
	}

}
