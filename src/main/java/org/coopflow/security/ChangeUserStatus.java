package org.coopflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator disables a user (who leaves, or whose account may be misused), enables one again, or
 * gives one a new password. Users are never deleted: Camunda's history and coopflow's timelines keep their
 * names. A disabled user cannot sign in, their sessions end at once and their API tokens stop working;
 * officers and coordinators no longer see them in Tasklist, and the tasks they had claimed go back to their
 * office.
 */
@Service
class ChangeUserStatus {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final SignInSessions sessions;

	private final AuthorizationService authorizations;

	private final TaskService tasks;

	ChangeUserStatus(AccountRepository accounts, PasswordEncoder passwordEncoder, SignInSessions sessions,
			AuthorizationService authorizations, TaskService tasks) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.authorizations = authorizations;
		this.tasks = tasks;
	}

	/**
	 * @param administrator who disables: never themselves, so that an enabled administrator always remains
	 */
	@Transactional
	void disable(String administrator, String username) {
		Account account = find(username);
		if (account.username().equals(administrator)) {
			throw new ConflictException("You cannot disable your own account; another administrator can.");
		}
		accounts.updateEnabled(account.username(), false);
		sessions.end(account.username(), null);
		CamundaIdentityPlugin.followAccount(authorizations, find(username));
		// the tasks they had claimed go back to their candidate groups (their office's unclaimed tasks): only
		// an administrator could reassign them otherwise, since officers hold TASK_WORK, not UPDATE
		for (Task task : tasks.createTaskQuery().taskAssignee(account.username()).list()) {
			tasks.setAssignee(task.getId(), null);
		}
	}

	@Transactional
	void enable(String username) {
		Account account = find(username);
		accounts.updateEnabled(account.username(), true);
		CamundaIdentityPlugin.followAccount(authorizations, find(username));
	}

	/**
	 * A new password for someone who lost theirs; their sessions end, their API tokens stay.
	 * @throws InvalidInputException naming {@code newPassword}
	 */
	@Transactional
	void resetPassword(String username, String newPassword) {
		Account account = find(username);
		ChangePassword.problemWithNew(newPassword).ifPresent(reason -> {
			throw new InvalidInputException("newPassword", reason);
		});
		accounts.updatePasswordHash(account.username(), passwordEncoder.encode(newPassword));
		sessions.end(account.username(), null);
	}

	private Account find(String username) {
		return accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("There is no user " + username + "."));
	}

}
