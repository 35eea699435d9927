package org.coopflow.programmepages;

import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.springframework.security.access.AccessDeniedException;

/** Who may open the programme pages: the offices' people; donors have their own pages. */
final class OfficerPages {

	private OfficerPages() {
	}

	static void require(CoopflowUser user) {
		if (user.getRole() == Role.DONOR) {
			throw new AccessDeniedException("The programme pages are for the offices; donors have their own pages.");
		}
	}

	/** Only programme officers write programmes (the programmes module decides; the pages offer accordingly). */
	static boolean createsProgrammes(CoopflowUser user) {
		return user.getRole() == Role.PROGRAMME_OFFICER;
	}

}
