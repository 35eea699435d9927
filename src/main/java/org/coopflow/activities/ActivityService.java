package org.coopflow.activities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Validator;

import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.coopflow.shared.StaleVersionException;
import org.coopflow.activities.ActivityEvents.ActivityCancelled;
import org.coopflow.activities.ActivityEvents.SpendingOverrideRecorded;
import org.coopflow.activities.ActivityRepository.Implementation;
import org.coopflow.pledges.PledgeService;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.Office;
import org.coopflow.reference.ReferenceCodes;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activities of funded programmes, with the same role rules as programmes: the owning office's
 * officers plan and change them, every officer, coordinator and administrator reads them, and a donor
 * reads those of programmes its own agreed pledges fund. Any other activity is a 404 to a donor, the
 * same as a missing one. Times are the engine's clock, as for the process that carries the activities out.
 */
@Service
@Transactional
public class ActivityService {

	private final ActivityRepository activities;

	private final ProgrammeCatalogue programmes;

	private final PledgeService pledges;

	private final ReferenceCodes referenceCodes;

	private final ApplicationEventPublisher events;

	private final Validator validator;

	ActivityService(ActivityRepository activities, ProgrammeCatalogue programmes, PledgeService pledges,
			ReferenceCodes referenceCodes, ApplicationEventPublisher events, Validator validator) {
		this.activities = activities;
		this.programmes = programmes;
		this.pledges = pledges;
		this.referenceCodes = referenceCodes;
		this.events = events;
		this.validator = validator;
	}

	/** A record of the outcome of an expenditure request; {@code created} is false for a replayed key. */
	public record Recorded(ExpenditureView expenditure, boolean created) {
	}

	// --- reading ---------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<ActivityView> ofProgramme(CoopflowUser user, long programmeId) {
		readableProgramme(user, programmeId);
		return activities.ofProgramme(programmeId);
	}

	@Transactional(readOnly = true)
	public ActivityView get(CoopflowUser user, long id) {
		return readable(user, id);
	}

	/** The activity when the user may read it; a 404 otherwise, also for a donor that may not. */
	@Transactional(readOnly = true)
	public ActivityView readable(CoopflowUser user, long id) {
		ActivityView activity = activities.find(id).orElseThrow(() -> notFound(id));
		if (!mayRead(user, activity.programmeId())) {
			throw notFound(id);
		}
		return activity;
	}

	/** The activity when the user is an officer of its programme's office; 403 otherwise. */
	@Transactional(readOnly = true)
	public ActivityView writable(CoopflowUser user, long id, String what) {
		ActivityView activity = readable(user, id);
		requireOfficerOf(user, activity.office(), what);
		return activity;
	}

	@Transactional(readOnly = true)
	public List<ExpenditureView> expenditures(CoopflowUser user, long activityId) {
		readable(user, activityId);
		return activities.expendituresOf(activityId);
	}

	/** Whether the user may read the programme's implementation (donors: only programmes they fund). */
	@Transactional(readOnly = true)
	public boolean mayRead(CoopflowUser user, long programmeId) {
		if (user.getRole() != Role.DONOR) {
			return true;
		}
		return user.getMemberState() != null && pledges.donorsOfProgramme(programmeId).contains(user.getMemberState());
	}

	private ProgrammeView readableProgramme(CoopflowUser user, long programmeId) {
		ProgrammeView programme = programmes.find(programmeId)
			.orElseThrow(() -> new NotFoundException("Programme " + programmeId + " does not exist."));
		if (!mayRead(user, programmeId)) {
			throw new NotFoundException("Programme " + programmeId + " does not exist.");
		}
		return programme;
	}

	// --- planning --------------------------------------------------------------------------------------

	/** Opens the programme's implementation for planning (when it is funded); nothing when already open. */
	public void openImplementation(long programmeId, Office office) {
		try {
			activities.createImplementation(programmeId, office, ImplementationReports.now());
		}
		catch (DuplicateKeyException alreadyOpened) {
			// another request opened it at the same moment: that is the outcome wanted
		}
	}

	public ActivityView create(CoopflowUser user, long programmeId, ActivityDraft draft) {
		ProgrammeView programme = readableProgramme(user, programmeId);
		requireOfficerOf(user, programme.office(), "plan activities");
		if (programme.status() != ProgrammeStatus.FUNDED) {
			throw new ConflictException("Programme " + programmeId + " is " + programme.status()
					+ "; activities are planned for FUNDED programmes.");
		}
		openImplementation(programmeId, programme.office());
		Implementation implementation = activities.lockImplementation(programmeId).orElseThrow();
		if (implementation.stage() != ImplementationStage.PLANNING) {
			throw new ConflictException("The implementation of programme " + programmeId + " started on "
					+ implementation.startedAt() + "; activities are added while it is being planned.");
		}
		validate(draft, programme);
		long id = activities.insert(programmeId, draft, user.getUsername(), ImplementationReports.now());
		events.publishEvent(new ActivityEvents.ActivityPlanned(id, programmeId, programme.office()));
		return activities.find(id).orElseThrow();
	}

	public ActivityView update(CoopflowUser user, long id, int expectedVersion, ActivityDraft draft) {
		ActivityView before = writable(user, id, "change activities");
		if (before.version() != expectedVersion) {
			throw new StaleVersionException("Activity " + id + " is at version " + before.version() + ", not "
					+ expectedVersion + "; read it again and reapply your change.");
		}
		if (before.status() != ActivityStatus.PLANNED) {
			throw new ConflictException("Activity " + id + " is " + before.status()
					+ "; only a PLANNED activity can be changed (its milestones become tasks when it starts).");
		}
		validate(draft, programmes.find(before.programmeId()).orElseThrow());
		if (!activities.update(id, expectedVersion, draft, user.getUsername(), ImplementationReports.now())) {
			throw new StaleVersionException("Activity " + id + " was changed at the same time; read it again.");
		}
		events.publishEvent(new ActivityEvents.ActivityPlanned(id, before.programmeId(), before.office()));
		return activities.find(id).orElseThrow();
	}

	public ActivityView cancel(CoopflowUser user, long id, String reason) {
		ActivityView activity = writable(user, id, "cancel activities");
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "must say why the activity is cancelled; donors read it");
		}
		if (!activities.transition(id, EnumSet.of(ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS),
				ActivityStatus.CANCELLED, reason.strip(), user.getUsername(), ImplementationReports.now())) {
			throw new ConflictException("Activity " + id + " is " + activities.find(id).orElseThrow().status()
					+ "; only a planned or running activity can be cancelled.");
		}
		events.publishEvent(new ActivityCancelled(id, activity.programmeId(), activity.office(), reason.strip()));
		return activities.find(id).orElseThrow();
	}

	public ActivityView addDocument(CoopflowUser user, long id, DocumentRequest document) {
		ActivityView activity = writable(user, id, "record documents");
		List<InvalidField> errors = violations(document);
		if (document.language() != null && document.language().matches("[a-z]{2}")
				&& !List.of(java.util.Locale.getISOLanguages()).contains(document.language())) {
			errors.add(new InvalidField("language", "'" + document.language() + "' is not an ISO 639-1 language code"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (activity.status() == ActivityStatus.CANCELLED) {
			throw new ConflictException("Activity " + id + " is CANCELLED; it produces no documents.");
		}
		activities.addDocument(id, document, user.getUsername(), ImplementationReports.now());
		return activities.find(id).orElseThrow();
	}

	// --- spending --------------------------------------------------------------------------------------

	/**
	 * Records money spent on an activity. The programme's implementation row is locked first, so that two
	 * officers spending at once are checked one after the other against the funds received, and a retried
	 * request with the same Idempotency-Key finds the first one's expenditure instead of spending twice.
	 */
	public Recorded recordExpenditure(CoopflowUser user, long activityId, ExpenditureRequest request,
			String idempotencyKey) {
		ActivityView activity = writable(user, activityId, "record expenditure");
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw new InvalidInputException("Idempotency-Key", "must be 1 to 200 characters, e.g. a UUID");
		}
		List<InvalidField> errors = violations(request);
		if (request.currency() != null && !request.currency().equals(activity.currency())) {
			errors.add(new InvalidField("currency", "must be " + activity.currency() + ", the programme currency"));
		}
		int minorUnits = Math.max(referenceCodes.snapshot().minorUnits(activity.currency()), 0);
		if (request.amount() != null && request.amount().stripTrailingZeros().scale() > minorUnits) {
			errors.add(new InvalidField("amount", activity.currency() + " has " + minorUnits + " decimal places"));
		}
		if (request.spentOn() != null && request.spentOn().isAfter(LocalDate.ofInstant(ImplementationReports.now(), java.time.ZoneOffset.UTC))) {
			errors.add(new InvalidField("spentOn", "must not be in the future; record spending once it is made"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Implementation implementation = activities.lockImplementation(activity.programmeId()).orElseThrow();
		if (idempotencyKey != null) {
			var earlier = activities.findExpenditureByKey(user.getUsername(), idempotencyKey);
			if (earlier.isPresent()) {
				ExpenditureView first = earlier.get();
				if (first.activityId() != activityId || first.amount().compareTo(request.amount()) != 0) {
					throw new ConflictException("The Idempotency-Key '" + idempotencyKey
							+ "' was used for another expenditure; use a new key for a new expenditure.");
				}
				return new Recorded(first, false);
			}
		}
		if (implementation.stage() == ImplementationStage.CLOSED) {
			throw new ConflictException("Programme " + activity.programmeId() + " is closed; nothing more is spent on it.");
		}
		if (activity.status() == ActivityStatus.CANCELLED) {
			throw new ConflictException("Activity " + activityId + " is CANCELLED; nothing is spent on it.");
		}
		BigDecimal received = programmes.received(activity.programmeId()).setScale(2);
		BigDecimal spent = activities.spentOnProgramme(activity.programmeId());
		BigDecimal after = spent.add(request.amount());
		boolean override = after.compareTo(received) > 0;
		String reason = request.overrideReason() == null ? null : request.overrideReason().strip();
		if (override && (reason == null || reason.isEmpty())) {
			throw new InvalidInputException("amount", "would bring spending on the programme to " + after.toPlainString()
					+ " " + activity.currency() + ", above the " + received.toPlainString()
					+ " received; an officer may override this by sending overrideReason");
		}
		if (!override) {
			// a reason without an override is not recorded as one: the record says what happened
			request = new ExpenditureRequest(request.amount(), request.currency(), request.spentOn(),
					request.description(), null);
		}
		long id = activities.insertExpenditure(activityId, activity.programmeId(), request, received, idempotencyKey,
				user.getUsername(), ImplementationReports.now());
		if (override) {
			events.publishEvent(new SpendingOverrideRecorded(id, activityId, activity.programmeId(), activity.office(),
					request.amount(), activity.currency(), received, reason, user.getUsername()));
		}
		return new Recorded(activities.findExpenditure(id).orElseThrow(), true);
	}

	// --- the implementation process ----------------------------------------------------------------------

	/** Planning is over: PLANNING → IN_IMPLEMENTATION; the ids of the activities to carry out. */
	public List<Long> startImplementation(long programmeId) {
		Implementation implementation = activities.lockImplementation(programmeId)
			.orElseThrow(() -> new ConflictException("Programme " + programmeId + " has no implementation."));
		if (implementation.stage() == ImplementationStage.PLANNING) {
			activities.moveImplementation(programmeId, ImplementationStage.PLANNING,
					ImplementationStage.IN_IMPLEMENTATION, ImplementationReports.now());
		}
		return plannedActivityIds(programmeId);
	}

	@Transactional(readOnly = true)
	public List<Long> plannedActivityIds(long programmeId) {
		return activities.ofProgramme(programmeId)
			.stream()
			.filter(a -> a.status() != ActivityStatus.CANCELLED)
			.map(ActivityView::id)
			.toList();
	}

	/** PLANNED → IN_PROGRESS; nothing when it already is (a retried step) or was cancelled meanwhile. */
	public void startActivity(long activityId, String by) {
		ActivityView activity = activities.find(activityId).orElseThrow(() -> notFound(activityId));
		if (activity.status() == ActivityStatus.PLANNED) {
			activities.transition(activityId, EnumSet.of(ActivityStatus.PLANNED), ActivityStatus.IN_PROGRESS, null, by,
					ImplementationReports.now());
			activities.recordActualDates(activityId, LocalDate.ofInstant(ImplementationReports.now(), java.time.ZoneOffset.UTC), null);
		}
	}

	public void completeMilestone(long milestoneId, String note, String by) {
		activities.activityOfMilestone(milestoneId)
			.orElseThrow(() -> new NotFoundException("Milestone " + milestoneId + " does not exist."));
		activities.completeMilestone(milestoneId, note == null || note.isBlank() ? null : note.strip(), by,
				ImplementationReports.now());
	}

	/** IN_PROGRESS → COMPLETED with the dates it actually ran. */
	public void completeActivity(long activityId, LocalDate actualStart, LocalDate actualEnd, String by) {
		List<InvalidField> errors = new ArrayList<>();
		if (actualStart == null) {
			errors.add(new InvalidField("actualStart", "is required"));
		}
		if (actualEnd == null) {
			errors.add(new InvalidField("actualEnd", "is required"));
		}
		else if (actualEnd.isAfter(LocalDate.ofInstant(ImplementationReports.now(), java.time.ZoneOffset.UTC))) {
			errors.add(new InvalidField("actualEnd", "must not be in the future: complete the activity once it ended"));
		}
		if (actualStart != null && actualEnd != null && actualEnd.isBefore(actualStart)) {
			errors.add(new InvalidField("actualEnd", "must not be before actualStart"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (!activities.transition(activityId, EnumSet.of(ActivityStatus.IN_PROGRESS), ActivityStatus.COMPLETED, null,
				by, ImplementationReports.now())) {
			throw new ConflictException("Activity " + activityId + " is "
					+ activities.find(activityId).map(ActivityView::status).orElse(null) + ", not IN_PROGRESS.");
		}
		activities.recordActualDates(activityId, actualStart, actualEnd);
	}

	/** The officer's choice for the funds left when the programme closes; the donors see it. */
	public void recordUnspentFunds(long programmeId, BigDecimal amount, UnspentFundsChoice choice, String reason,
			String by) {
		if (!activities.recordUnspentChoice(programmeId, amount, choice, reason, by, ImplementationReports.now())) {
			throw new ConflictException("Programme " + programmeId + " is closed already.");
		}
		ProgrammeView programme = programmes.find(programmeId).orElseThrow();
		events.publishEvent(new ActivityEvents.UnspentFundsDecided(programmeId, programme.office(), amount,
				programme.budget().currency(), choice, reason, pledges.donorsOfProgramme(programmeId)));
	}

	/** IN_IMPLEMENTATION → CLOSED; nothing when it is closed already (a retried step). */
	public void closeImplementation(long programmeId) {
		activities.moveImplementation(programmeId, ImplementationStage.IN_IMPLEMENTATION, ImplementationStage.CLOSED,
				ImplementationReports.now());
	}

	@Transactional(readOnly = true)
	public java.util.Optional<ActivityRepository.Implementation> implementation(long programmeId) {
		return activities.implementation(programmeId);
	}

	/** The implementation of the programme for other modules' reports; empty before it was funded. */
	@Transactional(readOnly = true)
	public java.util.Optional<ImplementationView> implementationView(long programmeId) {
		return activities.implementation(programmeId)
			.map(i -> new ImplementationView(i.programmeId(), i.office(), i.stage(), i.startedAt(), i.closedAt(),
					i.unspentAmount(), i.unspentChoice(), i.unspentReason(), i.unspentDecidedAt()));
	}

	/** The newest implementations for the list page: an officer's own office's, everyone's for others. */
	@Transactional(readOnly = true)
	List<ActivityRepository.Summary> implementations(CoopflowUser user) {
		Office office = user.getRole() == Role.PROGRAMME_OFFICER ? user.getOffice() : null;
		return activities.summaries(office, 200);
	}

	@Transactional(readOnly = true)
	public ActivityView find(long id) {
		return activities.find(id).orElseThrow(() -> notFound(id));
	}

	@Transactional(readOnly = true)
	public List<ActivityView> activitiesOf(long programmeId) {
		return activities.ofProgramme(programmeId);
	}

	@Transactional(readOnly = true)
	public BigDecimal spent(long programmeId) {
		return activities.spentOnProgramme(programmeId);
	}

	// --- helpers ---------------------------------------------------------------------------------------

	/** What is wrong with a draft, all at once, without recording anything. */
	List<InvalidField> problems(ActivityDraft draft, ProgrammeView programme) {
		List<InvalidField> errors = violations(draft);
		errors.addAll(ActivityRules.check(draft, programme, referenceCodes.snapshot()));
		return errors;
	}

	private void validate(ActivityDraft draft, ProgrammeView programme) {
		List<InvalidField> errors = problems(draft, programme);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private List<InvalidField> violations(Object request) {
		List<InvalidField> errors = new ArrayList<>();
		validator.validate(request)
			.stream()
			.sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
			.forEach(violation -> errors.add(new InvalidField(violation.getPropertyPath().toString(), violation.getMessage())));
		return errors;
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

	private static NotFoundException notFound(long id) {
		return new NotFoundException("Activity " + id + " does not exist.");
	}

}
