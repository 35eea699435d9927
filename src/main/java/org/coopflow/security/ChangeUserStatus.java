package org.coopflow.security;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator disables a user (who leaves, or whose account may be misused), enables one again, or
 * gives one a new password. Users are never deleted: Camunda's history and coopflow's timelines keep their
 * names. A disabled user cannot sign in, their sessions end and their API tokens are revoked; officers and
 * coordinators no longer see them in Tasklist, and the tasks they had claimed go back to their office.
 * Each method answers the username as stored (MariaDB finds {@code JSMITH} as {@code jsmith}).
 */
@Service
class ChangeUserStatus {

	private static final Logger log = LoggerFactory.getLogger(ChangeUserStatus.class);

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final SignInSessions sessions;

	private final ApiTokens tokens;

	private final AuthorizationService authorizations;

	private final TaskService tasks;

	ChangeUserStatus(AccountRepository accounts, PasswordEncoder passwordEncoder, SignInSessions sessions,
			ApiTokens tokens, AuthorizationService authorizations, TaskService tasks) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.tokens = tokens;
		this.authorizations = authorizations;
		this.tasks = tasks;
	}

	/**
	 * @param administrator who disables: never themselves, and never the last enabled administrator
	 */
	@Transactional
	String disable(String administrator, String username) {
		Account account = find(username);
		if (account.username().equals(administrator)) {
			throw new ConflictException("You cannot disable your own account; another administrator can.");
		}
		if (account.role() == Role.ADMIN && account.enabled() && accounts.lockEnabledAdministrators().size() < 2) {
			throw new ConflictException("The last enabled administrator cannot be disabled.");
		}
		accounts.updateEnabled(account.username(), false);
		// revoked, not only refused while disabled: an account disabled because it may be misused must not get
		// its integrations' tokens back with a later Enable
		int revoked = tokens.revokeAll(account.username());
		sessions.end(account.username(), null);
		CamundaIdentityPlugin.followAccount(authorizations, account.withEnabled(false));
		// the tasks they had claimed go back to their candidate groups (their office's unclaimed tasks): only
		// an administrator could reassign them otherwise, since officers hold TASK_WORK, not UPDATE; a task of
		// a suspended process cannot change, and stays theirs until it is resumed
		List<Task> claimed = tasks.createTaskQuery().taskAssignee(account.username()).active().list();
		for (Task task : claimed) {
			tasks.setAssignee(task.getId(), null);
		}
		log.info("{} disabled the user {}; {} API tokens revoked, {} claimed tasks went back to their candidate groups",
				administrator, account.username(), revoked, claimed.size());
		return account.username();
	}

	@Transactional
	String enable(String administrator, String username) {
		Account account = find(username);
		accounts.updateEnabled(account.username(), true);
		CamundaIdentityPlugin.followAccount(authorizations, account.withEnabled(true));
		log.info("{} enabled the user {}", administrator, account.username());
		return account.username();
	}

	/**
	 * A new password for someone who lost theirs; their sessions end, their API tokens stay. Never one's own:
	 * that is changed on the account page, with the current password.
	 * @throws InvalidInputException naming {@code newPassword}
	 */
	@Transactional
	String resetPassword(String administrator, String username, String newPassword) {
		Account account = find(username);
		if (account.username().equals(administrator)) {
			throw new ConflictException("Change your own password on your account page, with your current one.");
		}
		ChangePassword.problemWithNew(newPassword).ifPresent(reason -> {
			throw new InvalidInputException("newPassword", reason);
		});
		accounts.updatePasswordHash(account.username(), passwordEncoder.encode(newPassword));
		sessions.end(account.username(), null);
		log.info("{} gave the user {} a new password", administrator, account.username());
		return account.username();
	}

	private Account find(String username) {
		return accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("There is no user " + username + "."));
	}

}
