package org.coopflow.workflow;

import java.util.Collection;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Four eyes in Tasklist: candidate groups cannot keep a task from one officer of the group (the one who
 * wrote what the task reviews), but a REVOKE authorization on the task can, since a user's revoke
 * outweighs their group's grant ({@code authorization-check-revokes: always}). The user then neither sees
 * the task nor may claim it; the listeners' checks on completion stay as a second line.
 */
@org.springframework.modulith.NamedInterface("api")
public final class TaskVisibility {

	private TaskVisibility() {
	}

	/** Hides the task being created from each of the users; call it from a task's create listener. */
	public static void hideFrom(DelegateTask task, Collection<String> users) {
		AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
		// whoever triggers the task's creation (often the author submitting) may not manage authorizations;
		// this revoke is the process's own doing, not theirs
		Context.getCommandContext().runWithoutAuthorization(() -> {
			for (String user : users) {
				Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
				revoke.setUserId(user);
				revoke.setResource(Resources.TASK);
				revoke.setResourceId(task.getId());
				revoke.removePermission(Permissions.ALL);
				authorizations.saveAuthorization(revoke);
			}
			return null;
		});
	}

}
