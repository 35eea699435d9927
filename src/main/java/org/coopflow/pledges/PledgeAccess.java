package org.coopflow.pledges;

import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.coopflow.shared.NotFoundException;
import org.coopflow.shared.StaleVersionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on which pledge: donors their own Member State's, officers their office's; one
 * place, so that every use case refuses the same way.
 */
@Component
class PledgeAccess {

	private final PledgeRepository pledges;

	PledgeAccess(PledgeRepository pledges) {
		this.pledges = pledges;
	}

	/** The Member State a user is confined to, or null for roles that see every pledge. */
	static String scopeOf(CoopflowUser user) {
		if (user.getRole() == Role.DONOR) {
			if (user.getMemberState() == null) {
				throw new AccessDeniedException("This donor account has no Member State.");
			}
			return user.getMemberState();
		}
		return null;
	}

	static void requireDonor(CoopflowUser user, String action) {
		if (user.getRole() != Role.DONOR || user.getMemberState() == null) {
			throw new AccessDeniedException("Only Member State donors " + action + ".");
		}
	}

	/** Another Member State's pledge does not exist as far as a donor can tell. */
	Pledge visible(CoopflowUser user, long id) {
		Pledge pledge = pledge(id);
		String scope = scopeOf(user);
		if (scope != null && !scope.equals(pledge.donor())) {
			throw notFound(id);
		}
		return pledge;
	}

	Pledge ownForDonor(CoopflowUser user, long id, String action) {
		requireDonor(user, action + " pledges");
		return visible(user, id);
	}

	Pledge forOfficer(CoopflowUser user, long id, String action) {
		if (user.getRole() != Role.PROGRAMME_OFFICER) {
			throw new AccessDeniedException("Only programme officers " + action + " pledges.");
		}
		Pledge pledge = pledge(id);
		if (pledge.office() != user.getOffice()) {
			throw new AccessDeniedException("Pledge " + id + " is handled by " + pledge.office() + ", not " + user.getOffice() + ".");
		}
		return pledge;
	}

	/** A pledge read for the process or the system, which act on any pledge. */
	Pledge pledge(long id) {
		return pledges.find(id).orElseThrow(() -> notFound(id));
	}

	/** The version a client read (If-Match) must still be the pledge's. */
	static void checkVersion(Pledge pledge, Integer expected) {
		if (expected != null && expected != pledge.version()) {
			throw new StaleVersionException("Pledge " + pledge.id() + " is at version " + pledge.version()
					+ ", not " + expected + "; reload it and try again.");
		}
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("Pledge " + id + " does not exist.");
	}

}
