package org.coopflow.activities;

import java.util.Objects;

import org.coopflow.pledges.PledgeService;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.Office;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.coopflow.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read and who may change activities, with the same role rules as programmes: the owning
 * office's officers change them, every officer, coordinator and administrator reads them, and a donor
 * reads those of programmes its own agreed pledges fund. Any other activity is a 404 to a donor, the
 * same as a missing one.
 */
@Service
@Transactional(readOnly = true)
class ActivityAccess {

	private final ActivityRepository activities;

	private final ProgrammeCatalogue programmes;

	private final PledgeService pledges;

	ActivityAccess(ActivityRepository activities, ProgrammeCatalogue programmes, PledgeService pledges) {
		this.activities = activities;
		this.programmes = programmes;
		this.pledges = pledges;
	}

	/** The activity when the user may read it; a 404 otherwise, also for a donor that may not. */
	ActivityView readable(CoopflowUser user, long id) {
		ActivityView activity = activities.find(id).orElseThrow(() -> notFound(id));
		if (!mayRead(user, activity.programmeId())) {
			throw notFound(id);
		}
		return activity;
	}

	/** The activity when the user is an officer of its programme's office; 403 otherwise. */
	ActivityView writable(CoopflowUser user, long id, String what) {
		ActivityView activity = readable(user, id);
		requireOfficerOf(user, activity.office(), what);
		return activity;
	}

	/** Whether the user may read the programme's implementation (donors: only programmes they fund). */
	boolean mayRead(CoopflowUser user, long programmeId) {
		if (user.getRole() != Role.DONOR) {
			return true;
		}
		return user.getMemberState() != null && pledges.donorsOfProgramme(programmeId).contains(user.getMemberState());
	}

	/** The programme when the user may read its implementation; a 404 otherwise. */
	ProgrammeView readableProgramme(CoopflowUser user, long programmeId) {
		ProgrammeView programme = programmes.find(programmeId)
			.orElseThrow(() -> new NotFoundException("Programme " + programmeId + " does not exist."));
		if (!mayRead(user, programmeId)) {
			throw new NotFoundException("Programme " + programmeId + " does not exist.");
		}
		return programme;
	}

	static void requireOfficerOf(CoopflowUser user, Office office, String what) {
		if (user.getRole() != Role.PROGRAMME_OFFICER) {
			throw new AccessDeniedException("Only programme officers " + what + ".");
		}
		if (!Objects.equals(user.getOffice(), office)) {
			throw new AccessDeniedException("The programme belongs to " + office + "; an officer of " + user.getOffice()
					+ " cannot " + what + " for it.");
		}
	}

	static NotFoundException notFound(long id) {
		return new NotFoundException("Activity " + id + " does not exist.");
	}

}
