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
 * names. A disabled user cannot sign in, their sessions end at once and their API tokens stop working;
 * officers and coordinators no longer see them in Tasklist, and the tasks they had claimed go back to their
 * office.
 */
@Service
class ChangeUserStatus {

	private static final Logger log = LoggerFactory.getLogger(ChangeUserStatus.class);

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
		List<Task> claimed = tasks.createTaskQuery().taskAssignee(account.username()).list();
		for (Task task : claimed) {
			tasks.setAssignee(task.getId(), null);
		}
		log.info("{} disabled the user {}; {} claimed tasks went back to their candidate groups", administrator,
				account.username(), claimed.size());
	}

	@Transactional
	void enable(String administrator, String username) {
		Account account = find(username);
		accounts.updateEnabled(account.username(), true);
		CamundaIdentityPlugin.followAccount(authorizations, find(username));
		log.info("{} enabled the user {}", administrator, account.username());
	}

	/**
	 * A new password for someone who lost theirs; their sessions end, their API tokens stay.
	 * @throws InvalidInputException naming {@code newPassword}
	 */
	@Transactional
	void resetPassword(String administrator, String username, String newPassword) {
		Account account = find(username);
		ChangePassword.problemWithNew(newPassword).ifPresent(reason -> {
			throw new InvalidInputException("newPassword", reason);
		});
		accounts.updatePasswordHash(account.username(), passwordEncoder.encode(newPassword));
		sessions.end(account.username(), null);
		log.info("{} gave the user {} a new password", administrator, account.username());
	}

	private Account find(String username) {
		return accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("There is no user " + username + "."));
	}

}
