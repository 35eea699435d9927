package org.coopflow.programmes;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.coopflow.reference.Office;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.springframework.security.access.AccessDeniedException;

/** Who may do what with programmes: officers author their own office's, donors see only what seeks funds. */
final class ProgrammeAccess {

	/** What a donor may see of the portfolio: programmes that still seek funds. */
	static final Set<ProgrammeStatus> DONOR_VISIBLE = EnumSet.of(ProgrammeStatus.OPEN_FOR_FUNDING,
			ProgrammeStatus.PARTIALLY_FUNDED);

	private ProgrammeAccess() {
	}

	/** The office of a programme officer about to do {@code what}; anyone else is refused. */
	static Office officeOfOfficer(CoopflowUser user, String what) {
		if (user.getRole() != Role.PROGRAMME_OFFICER) {
			throw new AccessDeniedException("Only programme officers " + what);
		}
		return Objects.requireNonNull(user.getOffice());
	}

	/** An officer acts only on a programme of their own office. */
	static void requireOwnOffice(Office office, ProgrammeView programme, String what) {
		if (programme.office() != office) {
			throw new AccessDeniedException("An officer of " + office + " cannot " + what + " a programme of "
					+ programme.office());
		}
	}

}
