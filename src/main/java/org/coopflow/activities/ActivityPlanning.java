package org.coopflow.activities;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.coopflow.activities.ActivityEvents.ActivityCancelled;
import org.coopflow.activities.ImplementationRepository.Implementation;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.ReferenceCodes;
import org.coopflow.security.CoopflowUser;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owning office's officers plan a funded programme's activities while its implementation is being
 * planned, change them while they are PLANNED, cancel them with a reason donors read, and record the
 * documents they produce. Every problem of a draft is reported at once, field formats and business rules
 * together.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional
public class ActivityPlanning {

	private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

	private final ActivityRepository activities;

	private final ImplementationRepository implementations;

	private final ImplementationProgress progress;

	private final ActivityAccess access;

	private final ProgrammeCatalogue programmes;

	private final ReferenceCodes referenceCodes;

	private final RequestChecks checks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ActivityPlanning(ActivityRepository activities, ImplementationRepository implementations,
			ImplementationProgress progress, ActivityAccess access, ProgrammeCatalogue programmes,
			ReferenceCodes referenceCodes, RequestChecks checks, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.activities = activities;
		this.implementations = implementations;
		this.progress = progress;
		this.access = access;
		this.programmes = programmes;
		this.referenceCodes = referenceCodes;
		this.checks = checks;
		this.events = events;
	}

	public ActivityView create(CoopflowUser user, long programmeId, ActivityDraft draft) {
		ProgrammeView programme = access.readableProgramme(user, programmeId);
		ActivityAccess.requireOfficerOf(user, programme.office(), "plan activities");
		if (programme.status() != ProgrammeStatus.FUNDED) {
			throw new ConflictException("Programme " + programmeId + " is " + programme.status()
					+ "; activities are planned for FUNDED programmes.");
		}
		progress.openImplementation(programme);
		Implementation implementation = implementations.lock(programmeId).orElseThrow();
		if (implementation.stage() != ImplementationStage.PLANNING) {
			throw new ConflictException("The implementation of programme " + programmeId + " started on "
					+ implementation.startedAt() + "; activities are added while it is being planned.");
		}
		validate(draft, programme);
		long id = activities.insert(programmeId, draft, user.getUsername(), clock.instant());
		events.publishEvent(new ActivityEvents.ActivityPlanned(id, programmeId, programme.office()));
		return activities.find(id).orElseThrow();
	}

	public ActivityView update(CoopflowUser user, long id, int expectedVersion, ActivityDraft draft) {
		ActivityView before = access.writable(user, id, "change activities");
		if (before.version() != expectedVersion) {
			throw new StaleVersionException("Activity " + id + " is at version " + before.version() + ", not "
					+ expectedVersion + "; read it again and reapply your change.");
		}
		if (before.status() != ActivityStatus.PLANNED) {
			throw new ConflictException("Activity " + id + " is " + before.status()
					+ "; only a PLANNED activity can be changed (its milestones become tasks when it starts).");
		}
		validate(draft, programmes.find(before.programmeId()).orElseThrow());
		if (!activities.update(id, expectedVersion, draft, user.getUsername(), clock.instant())) {
			throw new StaleVersionException("Activity " + id + " was changed at the same time; read it again.");
		}
		events.publishEvent(new ActivityEvents.ActivityPlanned(id, before.programmeId(), before.office()));
		return activities.find(id).orElseThrow();
	}

	public ActivityView cancel(CoopflowUser user, long id, String reason) {
		ActivityView activity = access.writable(user, id, "cancel activities");
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "must say why the activity is cancelled; donors read it");
		}
		if (!activities.transition(id, EnumSet.of(ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS),
				ActivityStatus.CANCELLED, reason.strip(), user.getUsername(), clock.instant())) {
			throw new ConflictException("Activity " + id + " is " + activities.find(id).orElseThrow().status()
					+ "; only a planned or running activity can be cancelled.");
		}
		events.publishEvent(new ActivityCancelled(id, activity.programmeId(), activity.office(), reason.strip()));
		return activities.find(id).orElseThrow();
	}

	public ActivityView addDocument(CoopflowUser user, long id, DocumentRequest document) {
		ActivityView activity = access.writable(user, id, "record documents");
		List<InvalidField> errors = checks.violations(document);
		if (document.language() != null && document.language().matches("[a-z]{2}")
				&& !LANGUAGES.contains(document.language())) {
			errors.add(new InvalidField("language", "'" + document.language() + "' is not an ISO 639-1 language code"));
		}
		RequestChecks.throwIfAny(errors);
		if (activity.status() == ActivityStatus.CANCELLED) {
			throw new ConflictException("Activity " + id + " is CANCELLED; it produces no documents.");
		}
		activities.addDocument(id, document, user.getUsername(), clock.instant());
		return activities.find(id).orElseThrow();
	}

	/** What is wrong with a draft, all at once, without recording anything. */
	List<InvalidField> problems(ActivityDraft draft, ProgrammeView programme) {
		List<InvalidField> errors = checks.violations(draft);
		errors.addAll(ActivityRules.check(draft, programme, referenceCodes.snapshot()));
		return errors;
	}

	private void validate(ActivityDraft draft, ProgrammeView programme) {
		RequestChecks.throwIfAny(problems(draft, programme));
	}

}
