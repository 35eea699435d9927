package org.coopflow.programmes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.Validator;

import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.coopflow.shared.StaleVersionException;
import org.coopflow.reference.Currencies;
import org.coopflow.reference.Office;
import org.coopflow.reference.ReferenceCodes;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio of both offices: who may create, read and change which programme, every change kept
 * in the history, and the status changes the funding proposal process makes.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional
public class ProgrammeService implements ProposalLifecycle, ImplementationLifecycle {

	static final String SYSTEM_USER = "coopflow";

	/** Changes that make someone an author of a proposal, and so not its reviewer. */
	private static final Set<String> AUTHORING = Set.of("CREATED", "UPDATED", "SUBMITTED", "IMPORTED");

	private static final Set<ProgrammeStatus> DONOR_VISIBLE = EnumSet.of(ProgrammeStatus.OPEN_FOR_FUNDING,
			ProgrammeStatus.PARTIALLY_FUNDED);

	private final ProgrammeRepository programmes;

	private final ReferenceCodes referenceCodes;

	private final Currencies currencies;

	private final ApplicationEventPublisher events;

	private final ObjectMapper json;

	private final Clock clock;

	private final Validator validator;

	ProgrammeService(ProgrammeRepository programmes, ReferenceCodes referenceCodes, Currencies currencies,
			ApplicationEventPublisher events, ObjectMapper json, Validator validator) {
		this.validator = validator;
		this.programmes = programmes;
		this.referenceCodes = referenceCodes;
		this.currencies = currencies;
		this.events = events;
		this.json = json;
		// wall time, not the engine's clock (the Clock bean): updated_at is the overlap index's change
		// watermark (PortfolioIndex), which needs a time that never moves back, and the demo loader and
		// process tests move the engine's clock back and forth
		this.clock = Clock.systemUTC();
	}

	public ProgrammeView create(CoopflowUser user, ProgrammeDraft draft) {
		Office office = officeOfOfficer(user, "create programmes");
		if (draft.office() != null && draft.office() != office) {
			throw new AccessDeniedException("An officer of " + office + " cannot create a programme for " + draft.office());
		}
		validate(draft);
		long id = programmes.insert(draft, office, ProgrammeStatus.DRAFT, user.getUsername(), clock.instant());
		ProgrammeView created = programmes.find(id).orElseThrow();
		programmes.insertChange(id, created.version(), "CREATED", user.getUsername(), created.createdAt(),
				diff(Map.of(), fields(created)), null);
		return created;
	}

	@Transactional(readOnly = true)
	public ProgrammeView get(CoopflowUser user, long id) {
		ProgrammeView programme = programmes.find(id).orElseThrow(() -> notFound(id));
		if (user.getRole() == Role.DONOR) {
			if (!DONOR_VISIBLE.contains(programme.status())) {
				throw notFound(id);
			}
			return programme.forDonors();
		}
		return programme;
	}

	/** One page of {@link #search}: the programmes on it and how many match in all. */
	@Transactional(readOnly = true)
	public org.coopflow.shared.PageView<ProgrammeView> page(CoopflowUser user, ProgrammeFilter filter, int page, int size) {
		ProgrammeRepository.Page found = search(user, filter, page, size);
		return org.coopflow.shared.PageView.of(found.content(), page, size, found.totalElements());
	}

	@Transactional(readOnly = true)
	public ProgrammeRepository.Page search(CoopflowUser user, ProgrammeFilter filter, int page, int size) {
		if (user.getRole() != Role.DONOR) {
			return programmes.search(filter, page, size);
		}
		// donors see only what is open for funding, whatever else they ask for
		Set<ProgrammeStatus> statuses = EnumSet.copyOf(DONOR_VISIBLE);
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

	public ProgrammeView update(CoopflowUser user, long id, int expectedVersion, ProgrammeDraft draft) {
		ProgrammeView before = programmes.find(id).orElseThrow(() -> notFound(id));
		Office office = officeOfOfficer(user, "change programmes");
		if (before.office() != office) {
			throw new AccessDeniedException("An officer of " + office + " cannot change a programme of " + before.office());
		}
		if (draft.office() != null && draft.office() != before.office()) {
			throw new InvalidInputException("office", "cannot move a programme to another office");
		}
		if (before.version() != expectedVersion) {
			throw stale(id, expectedVersion, before.version());
		}
		if (!before.status().isEditable()) {
			throw new ConflictException("Programme " + id + " is " + before.status()
					+ "; it can be edited only as a DRAFT or when RETURNED_FOR_REVISION.");
		}
		validate(draft);
		if (!programmes.update(id, expectedVersion, draft, user.getUsername(), clock.instant())) {
			throw stale(id, expectedVersion, programmes.find(id).map(ProgrammeView::version).orElse(-1));
		}
		ProgrammeView after = programmes.find(id).orElseThrow();
		programmes.insertChange(id, after.version(), "UPDATED", user.getUsername(), after.updatedAt(),
				diff(fields(before), fields(after)), null);
		events.publishEvent(new ProgrammeChanged(id));
		return after;
	}

	@Transactional(readOnly = true)
	public List<ProgrammeChange> history(CoopflowUser user, long id) {
		if (user.getRole() == Role.DONOR) {
			throw new AccessDeniedException("Donors do not see the internal history of programmes");
		}
		programmes.find(id).orElseThrow(() -> notFound(id));
		return programmes.history(id);
	}

	/** Every problem of a draft, as {@link #create} and {@link #update} would refuse it; none when it is good. */
	@Transactional(readOnly = true)
	public List<InvalidField> problems(ProgrammeDraft draft) {
		return check(draft, referenceCodes.snapshot());
	}

	void validate(ProgrammeDraft draft) {
		List<InvalidField> errors = check(draft, referenceCodes.snapshot());
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * Every problem of a draft at once: each field's own format (bean validation) and the rules that
	 * need reference data or several fields ({@link ProgrammeRules}).
	 */
	List<InvalidField> check(ProgrammeDraft draft, ReferenceCodes.Snapshot codes) {
		List<InvalidField> errors = new java.util.ArrayList<>();
		validator.validate(draft)
			.stream()
			.sorted(java.util.Comparator.comparing(violation -> violation.getPropertyPath().toString()))
			.forEach(violation -> errors.add(new InvalidField(violation.getPropertyPath().toString(), violation.getMessage())));
		errors.addAll(ProgrammeRules.check(draft, codes, currencies));
		return errors;
	}

	static Office officeOfOfficer(CoopflowUser user, String what) {
		if (user.getRole() != Role.PROGRAMME_OFFICER) {
			throw new AccessDeniedException("Only programme officers " + what);
		}
		return Objects.requireNonNull(user.getOffice());
	}

	// --- the funding proposal process --------------------------------------------------------------

	@Override
	@Transactional(readOnly = true)
	public ProposalFacts facts(long programmeId) {
		ProgrammeView p = programmes.find(programmeId).orElseThrow(() -> notFound(programmeId));
		List<ProgrammeChange> history = programmes.history(programmeId);
		String submittedBy = history.stream()
			.filter(change -> "SUBMITTED".equals(change.kind()))
			.findFirst()
			.map(ProgrammeChange::changedBy)
			.orElse(p.createdBy());
		List<String> authors = java.util.stream.Stream
			.concat(java.util.stream.Stream.of(p.createdBy()),
					history.stream()
						.filter(change -> AUTHORING.contains(change.kind()))
						.map(ProgrammeChange::changedBy))
			.filter(user -> user != null && !SYSTEM_USER.equals(user))
			.distinct()
			.toList();
		return new ProposalFacts(p.id(), p.office(), p.title(), p.description(), p.countries(), p.standards(),
				p.plannedStart(), p.plannedEnd(), p.budget().amount(), p.budget().currency(), p.fundingDeadlineDays(),
				submittedBy, p.status(), authors, p.fundingDeadlineAt());
	}

	@Override
	@Transactional(readOnly = true)
	public boolean fullyFunded(long programmeId) {
		ProgrammeView programme = programmes.find(programmeId).orElseThrow(() -> notFound(programmeId));
		return programmes.committed(programmeId).compareTo(programme.budget().amount()) >= 0;
	}

	@Override
	public void submit(long programmeId, String by) {
		ProgrammeView p = transition(programmeId, "SUBMITTED", ProgrammeStatus.SUBMITTED, by, null,
				ProgrammeStatus.DRAFT, ProgrammeStatus.RETURNED_FOR_REVISION);
		events.publishEvent(new ProposalSubmitted(programmeId, p.office(), by));
	}

	@Override
	public void awaitOverlapReview(long programmeId) {
		transition(programmeId, "OVERLAP_REVIEW", ProgrammeStatus.OVERLAP_REVIEW, SYSTEM_USER, null,
				ProgrammeStatus.SUBMITTED);
	}

	@Override
	public void awaitReview(long programmeId) {
		transition(programmeId, "AWAITING_REVIEW", ProgrammeStatus.UNDER_REVIEW, SYSTEM_USER, null,
				ProgrammeStatus.SUBMITTED, ProgrammeStatus.OVERLAP_REVIEW);
	}

	@Override
	public void returnForRevision(long programmeId, String comment, String by) {
		transition(programmeId, "RETURNED_FOR_REVISION", ProgrammeStatus.RETURNED_FOR_REVISION, by, comment,
				ProgrammeStatus.UNDER_REVIEW, ProgrammeStatus.OVERLAP_REVIEW);
	}

	@Override
	public void reject(long programmeId, String reason, String by) {
		transition(programmeId, "REJECTED", ProgrammeStatus.REJECTED, by, reason, ProgrammeStatus.UNDER_REVIEW);
	}

	@Override
	public void withdraw(long programmeId, String reason, String by) {
		transition(programmeId, "WITHDRAWN", ProgrammeStatus.WITHDRAWN, by, reason, ProgrammeStatus.SUBMITTED,
				ProgrammeStatus.OVERLAP_REVIEW, ProgrammeStatus.UNDER_REVIEW, ProgrammeStatus.RETURNED_FOR_REVISION);
	}

	@Override
	public void openForFunding(long programmeId, String by) {
		ProgrammeView before = programmes.find(programmeId).orElseThrow(() -> notFound(programmeId));
		requireStatus(before, ProgrammeStatus.UNDER_REVIEW);
		Instant now = clock.instant();
		if (!programmes.transitionStatus(programmeId, ProgrammeStatus.OPEN_FOR_FUNDING,
				EnumSet.of(ProgrammeStatus.UNDER_REVIEW), by, now)) {
			throw new ConflictException("Programme " + programmeId + " was changed at the same time.");
		}
		programmes.updateColumn(programmeId, "funding_deadline_at",
				java.sql.Timestamp.from(daysFrom(now, before.fundingDeadlineDays())), by, now);
		record(before, "OPENED_FOR_FUNDING", by, null);
	}

	/** Calendar days, as people count a deadline, in the server's time zone. */
	private static Instant daysFrom(Instant start, int days) {
		return start.atZone(java.time.ZoneId.systemDefault()).plusDays(days).toInstant();
	}

	@Override
	public void fundingDeadlinePassed(long programmeId) {
		transition(programmeId, "FUNDING_DEADLINE_PASSED", ProgrammeStatus.PARTIALLY_FUNDED, SYSTEM_USER, null,
				ProgrammeStatus.OPEN_FOR_FUNDING);
	}

	@Override
	public void extendFundingDeadline(long programmeId, int extraDays, String by) {
		ProgrammeView before = programmes.find(programmeId).orElseThrow(() -> notFound(programmeId));
		requireStatus(before, ProgrammeStatus.PARTIALLY_FUNDED);
		Instant now = clock.instant();
		// the funding period counts from opening for funding; an extension lengthens it
		programmes.updateColumn(programmeId, "funding_deadline_days", before.fundingDeadlineDays() + extraDays, by, now);
		programmes.updateColumn(programmeId, "funding_deadline_at", java.sql.Timestamp.from(daysFrom(now, extraDays)), by,
				now);
		if (!programmes.transitionStatus(programmeId, ProgrammeStatus.OPEN_FOR_FUNDING,
				EnumSet.of(ProgrammeStatus.PARTIALLY_FUNDED), by, now)) {
			throw new ConflictException("Programme " + programmeId + " was changed at the same time.");
		}
		record(before, "FUNDING_DEADLINE_EXTENDED", by, "extended by " + extraDays + " days");
	}

	@Override
	public void reviseBudget(long programmeId, BigDecimal amount, String by) {
		ProgrammeView before = programmes.find(programmeId).orElseThrow(() -> notFound(programmeId));
		requireStatus(before, ProgrammeStatus.PARTIALLY_FUNDED, ProgrammeStatus.OPEN_FOR_FUNDING);
		if (amount == null || amount.signum() <= 0 || amount.compareTo(before.budget().amount()) > 0) {
			throw new InvalidInputException("revisedBudget", "must be positive and not above the current budget of "
					+ before.budget().amount().toPlainString() + " " + before.budget().currency());
		}
		List<InvalidField> errors = new ArrayList<>();
		if (!currencies.checkDecimals("revisedBudget", amount, before.budget().currency(), errors)) {
			throw new InvalidInputException(errors);
		}
		programmes.updateColumn(programmeId, "budget_amount", amount, by, clock.instant());
		record(before, "BUDGET_REVISED", by, null);
	}

	@Override
	public void markFunded(long programmeId, String by) {
		ProgrammeView p = transition(programmeId, "FUNDED", ProgrammeStatus.FUNDED, by, null,
				ProgrammeStatus.OPEN_FOR_FUNDING, ProgrammeStatus.PARTIALLY_FUNDED);
		events.publishEvent(new ProgrammeFunded(programmeId, p.office()));
	}

	@Override
	public void cancel(long programmeId, String reason, String by) {
		transition(programmeId, "CANCELLED", ProgrammeStatus.CANCELLED, by, reason, ProgrammeStatus.OPEN_FOR_FUNDING,
				ProgrammeStatus.PARTIALLY_FUNDED);
		events.publishEvent(new ProgrammeCancelled(programmeId, reason));
	}

	@Override
	public void close(long programmeId, String by) {
		ProgrammeView p = transition(programmeId, "CLOSED", ProgrammeStatus.CLOSED, by, null, ProgrammeStatus.FUNDED);
		events.publishEvent(new ProgrammeClosed(programmeId, p.office()));
	}

	private ProgrammeView transition(long programmeId, String kind, ProgrammeStatus to, String by, String note,
			ProgrammeStatus... from) {
		ProgrammeView before = programmes.find(programmeId).orElseThrow(() -> notFound(programmeId));
		requireStatus(before, from);
		if (!programmes.transitionStatus(programmeId, to, EnumSet.copyOf(List.of(from)), by, clock.instant())) {
			ProgrammeStatus now = programmes.find(programmeId).map(ProgrammeView::status).orElse(null);
			throw new ConflictException("Programme " + programmeId + " is " + now + " now; it was changed at the same time.");
		}
		return record(before, kind, by, note);
	}

	private ProgrammeView record(ProgrammeView before, String kind, String by, String note) {
		ProgrammeView after = programmes.find(before.id()).orElseThrow();
		programmes.insertChange(after.id(), after.version(), kind, by, after.updatedAt(), diff(fields(before), fields(after)),
				note);
		return after;
	}

	private static void requireStatus(ProgrammeView programme, ProgrammeStatus... allowed) {
		if (!List.of(allowed).contains(programme.status())) {
			throw new ConflictException("Programme " + programme.id() + " is " + programme.status() + ", expected one of "
					+ List.of(allowed));
		}
	}

	/** The fields a person changes; bookkeeping (version, who, when) is the history entry itself. */
	private Map<String, Object> fields(ProgrammeView view) {
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = json.convertValue(view, LinkedHashMap.class);
		List.of("id", "version", "createdBy", "createdAt", "updatedBy", "updatedAt").forEach(fields::remove);
		return fields;
	}

	private static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
		Map<String, Object> changes = new LinkedHashMap<>();
		for (String field : after.keySet()) {
			Object from = before.get(field);
			Object to = after.get(field);
			if (!Objects.equals(from, to)) {
				Map<String, Object> change = new LinkedHashMap<>();
				change.put("from", from);
				change.put("to", to);
				changes.put(field, change);
			}
		}
		return changes;
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("There is no programme " + id + ".");
	}

	private static StaleVersionException stale(long id, int expected, int actual) {
		return new StaleVersionException("Programme " + id + " has changed since version " + expected
				+ " was read (it is now version " + actual + "); read it again and reapply your change.");
	}

}
