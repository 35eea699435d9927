package org.coopflow.results;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.coopflow.pledges.PledgeService;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read and who may change a programme's results, with the rules of programmes and activities:
 * every officer, coordinator and administrator reads them; a donor reads those of programmes open for
 * funding and of those its agreed pledges fund (any other is a 404, as if missing); only officers of the
 * owning office change them, and nobody once the programme has ended.
 */
@Component
class ResultAccess {

	private static final Set<ProgrammeStatus> OPEN_TO_DONORS = EnumSet.of(ProgrammeStatus.OPEN_FOR_FUNDING,
			ProgrammeStatus.PARTIALLY_FUNDED);

	private final ProgrammeCatalogue programmes;

	private final PledgeService pledges;

	private final ResultRepository results;

	ResultAccess(ProgrammeCatalogue programmes, PledgeService pledges, ResultRepository results) {
		this.programmes = programmes;
		this.pledges = pledges;
		this.results = results;
	}

	ProgrammeView readable(CoopflowUser user, long programmeId) {
		ProgrammeView programme = programmes.find(programmeId).orElseThrow(() -> notFound(programmeId));
		if (user.getRole() == Role.DONOR && !OPEN_TO_DONORS.contains(programme.status())
				&& (user.getMemberState() == null || !pledges.donorsOfProgramme(programmeId).contains(user.getMemberState()))) {
			throw notFound(programmeId);
		}
		return programme;
	}

	/** The programme when the user is an officer of its office and it has not ended; 403 or 409 otherwise. */
	ProgrammeView writable(CoopflowUser user, long programmeId, String what) {
		ProgrammeView programme = readable(user, programmeId);
		if (user.getRole() != Role.PROGRAMME_OFFICER) {
			throw new AccessDeniedException("Only programme officers " + what + ".");
		}
		if (!Objects.equals(user.getOffice(), programme.office())) {
			throw new AccessDeniedException("The programme belongs to " + programme.office() + "; an officer of "
					+ user.getOffice() + " cannot " + what + " for it.");
		}
		if (Phase.of(programme.status()) == Phase.ENDED) {
			throw new ConflictException("Programme " + programmeId + " is " + programme.status()
					+ "; its results no longer change.");
		}
		return programme;
	}

	/** The result when it is one of the programme's; a 404 otherwise. */
	void requireResult(long programmeId, long resultId) {
		results.ownerOfResult(resultId)
			.filter(owner -> owner.programmeId() == programmeId)
			.orElseThrow(() -> new NotFoundException("Result " + resultId + " of programme " + programmeId + " does not exist."));
	}

	/** The indicator when it is one of the result's, and the result one of the programme's; a 404 otherwise. */
	IndicatorView indicator(long programmeId, long resultId, long indicatorId, LocalDate today) {
		return results.indicator(indicatorId, today)
			.filter(indicator -> indicator.programmeId() == programmeId && indicator.resultId() == resultId)
			.orElseThrow(() -> new NotFoundException("Indicator " + indicatorId + " of result " + resultId
					+ " of programme " + programmeId + " does not exist."));
	}

	static PeriodView period(IndicatorView indicator, long periodId) {
		return indicator.periods()
			.stream()
			.filter(period -> period.id() == periodId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Period " + periodId + " of indicator " + indicator.id()
					+ " does not exist."));
	}

	static NotFoundException notFound(long programmeId) {
		return new NotFoundException("Programme " + programmeId + " does not exist.");
	}

}
