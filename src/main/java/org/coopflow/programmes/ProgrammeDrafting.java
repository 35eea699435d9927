package org.coopflow.programmes;

import org.coopflow.reference.Office;
import org.coopflow.security.CoopflowUser;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An officer drafts a programme for their office and edits it while it is a draft or returned for revision;
 * an edit names the version it was made on, so that two officers never overwrite each other unseen.
 */
@Component
@Transactional
class ProgrammeDrafting {

	private final ProgrammeRepository programmes;

	private final ProgrammeRecord record;

	private final ProgrammeDraftCheck check;

	private final ApplicationEventPublisher events;

	ProgrammeDrafting(ProgrammeRepository programmes, ProgrammeRecord record, ProgrammeDraftCheck check,
			ApplicationEventPublisher events) {
		this.programmes = programmes;
		this.record = record;
		this.check = check;
		this.events = events;
	}

	ProgrammeView create(CoopflowUser user, ProgrammeDraft draft) {
		Office office = ProgrammeAccess.officeOfOfficer(user, "create programmes");
		if (draft.office() != null && draft.office() != office) {
			throw new AccessDeniedException("An officer of " + office + " cannot create a programme for " + draft.office());
		}
		check.validate(draft);
		long id = programmes.insert(draft, office, ProgrammeStatus.DRAFT, user.getUsername(), record.now());
		return record.created(id, user.getUsername());
	}

	ProgrammeView update(CoopflowUser user, long id, int expectedVersion, ProgrammeDraft draft) {
		ProgrammeView before = record.find(id);
		ProgrammeAccess.requireOwnOffice(ProgrammeAccess.officeOfOfficer(user, "change programmes"), before, "change");
		if (draft.office() != null && draft.office() != before.office()) {
			throw new InvalidInputException("office", "cannot move a programme to another office");
		}
		if (before.version() != expectedVersion) {
			throw ProgrammeRecord.stale(id, expectedVersion, before.version());
		}
		if (!before.status().isEditable()) {
			throw new ConflictException("Programme " + id + " is " + before.status()
					+ "; it can be edited only as a DRAFT or when RETURNED_FOR_REVISION.");
		}
		check.validate(draft);
		if (!programmes.update(id, expectedVersion, draft, user.getUsername(), record.now())) {
			throw ProgrammeRecord.stale(id, expectedVersion, programmes.find(id).map(ProgrammeView::version).orElse(-1));
		}
		ProgrammeView after = record.record(before, "UPDATED", user.getUsername(), null);
		events.publishEvent(new ProgrammeChanged(id));
		return after;
	}

}
