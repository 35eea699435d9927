package org.coopflow.programmes;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading programmes: one, a page of a search, and a programme's history, each confined to what the reader may
 * see (donors only what seeks funds, and never the internal history).
 */
@Component
@Transactional(readOnly = true)
class ProgrammeQueries {

	private final ProgrammeRepository programmes;

	ProgrammeQueries(ProgrammeRepository programmes) {
		this.programmes = programmes;
	}

	ProgrammeView get(CoopflowUser user, long id) {
		ProgrammeView programme = programmes.find(id).orElseThrow(() -> ProgrammeRecord.notFound(id));
		if (user.getRole() == Role.DONOR) {
			if (!ProgrammeAccess.DONOR_VISIBLE.contains(programme.status())) {
				throw ProgrammeRecord.notFound(id);
			}
			return programme.forDonors();
		}
		return programme;
	}

	ProgrammeRepository.Page search(CoopflowUser user, ProgrammeFilter filter, int page, int size) {
		if (user.getRole() != Role.DONOR) {
			return programmes.search(filter, page, size);
		}
		// donors see only what is open for funding, whatever else they ask for
		Set<ProgrammeStatus> statuses = EnumSet.copyOf(ProgrammeAccess.DONOR_VISIBLE);
		if (filter.statuses() != null && !filter.statuses().isEmpty()) {
			statuses.retainAll(filter.statuses());
		}
		if (statuses.isEmpty()) {
			return new ProgrammeRepository.Page(List.of(), 0);
		}
		ProgrammeRepository.Page found = programmes.search(
				new ProgrammeFilter(filter.office(), filter.country(), filter.standard(), statuses, filter.text(),
						filter.minGap()),
				page, size);
		return new ProgrammeRepository.Page(found.content().stream().map(ProgrammeView::forDonors).toList(),
				found.totalElements());
	}

	List<ProgrammeChange> history(CoopflowUser user, long id) {
		if (user.getRole() == Role.DONOR) {
			throw new AccessDeniedException("Donors do not see the internal history of programmes");
		}
		programmes.find(id).orElseThrow(() -> ProgrammeRecord.notFound(id));
		return programmes.history(id);
	}

}
