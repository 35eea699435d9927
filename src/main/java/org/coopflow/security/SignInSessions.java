package org.coopflow.security;

import org.coopflow.shared.AfterCommit;
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

	/**
	 * Within a transaction, once it has committed: the sessions are kept in transactions of their own
	 * ({@code SessionStore}), so ending them before the account's change is committed would let a sign-in in
	 * between read the old row and keep a session nobody ends.
	 *
	 * @param keep the session that stays (the one the person is using), or null to end them all
	 */
	void end(String username, String keep) {
		AfterCommit.run(() -> endNow(username, keep));
	}

	private void endNow(String username, String keep) {
		sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> !id.equals(keep))
			.forEach(sessions::deleteById);
	}

}
