package org.coopflow.workflow;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.coopflow.security.CoopflowUser;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the signed-in person, so that Camunda's authorizations apply to them as they do
 * in Tasklist: a coopflow page that lists tasks shows only those the person may see there (their
 * office's, never a review hidden from its author by the four-eyes REVOKE). Without an authenticated
 * user the engine checks nothing, which is right for the processes' own steps and wrong for a page.
 */
@org.springframework.modulith.NamedInterface("api")
@Component
public class AsPerson {

	private final IdentityService identity;

	AsPerson(IdentityService identity) {
		this.identity = identity;
	}

	public <T> T call(CoopflowUser person, Supplier<T> work) {
		identity.setAuthentication(person.getUsername(), person.getRole().camundaGroups(person.getOffice()));
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
