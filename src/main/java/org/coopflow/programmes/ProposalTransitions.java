package org.coopflow.programmes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.coopflow.reference.Currencies;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the funding proposal process does to a programme, from submission to funded or cancelled, and the facts
 * its tasks read from the record.
 */
@Component
@Transactional
class ProposalTransitions implements ProposalLifecycle {

	/** Changes that make someone an author of a proposal, and so not its reviewer. */
	private static final Set<String> AUTHORING = Set.of("CREATED", "UPDATED", "SUBMITTED", "IMPORTED");

	private final ProgrammeRepository programmes;

	private final ProgrammeRecord record;

	private final Currencies currencies;

	private final ApplicationEventPublisher events;

	ProposalTransitions(ProgrammeRepository programmes, ProgrammeRecord record, Currencies currencies,
			ApplicationEventPublisher events) {
		this.programmes = programmes;
		this.record = record;
		this.currencies = currencies;
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public ProposalFacts facts(long programmeId) {
		ProgrammeView p = record.find(programmeId);
		List<ProgrammeChange> history = programmes.history(programmeId);
		String submittedBy = history.stream()
			.filter(change -> "SUBMITTED".equals(change.kind()))
			.findFirst()
			.map(ProgrammeChange::changedBy)
			.orElse(p.createdBy());
		List<String> authors = Stream
			.concat(Stream.of(p.createdBy()),
					history.stream().filter(change -> AUTHORING.contains(change.kind())).map(ProgrammeChange::changedBy))
			.filter(user -> user != null && !FundingProposalProcess.SYSTEM_USER.equals(user))
			.distinct()
			.toList();
		return new ProposalFacts(p.id(), p.office(), p.title(), p.description(), p.countries(), p.standards(),
				p.plannedStart(), p.plannedEnd(), p.budget().amount(), p.budget().currency(), p.fundingDeadlineDays(),
				submittedBy, p.status(), authors, p.fundingDeadlineAt(), p.reviewNotes());
	}

	@Override
	@Transactional(readOnly = true)
	public boolean fullyFunded(long programmeId) {
		ProgrammeView programme = record.find(programmeId);
		return programmes.committed(programmeId).compareTo(programme.budget().amount()) >= 0;
	}

	@Override
	public void submit(long programmeId, String by) {
		ProgrammeView p = record.transition(programmeId, "SUBMITTED", ProgrammeStatus.SUBMITTED, by, null,
				ProgrammeStatus.DRAFT, ProgrammeStatus.RETURNED_FOR_REVISION);
		events.publishEvent(new ProposalSubmitted(programmeId, p.office(), by));
	}

	@Override
	public void awaitOverlapReview(long programmeId) {
		record.transition(programmeId, "OVERLAP_REVIEW", ProgrammeStatus.OVERLAP_REVIEW, FundingProposalProcess.SYSTEM_USER,
				null, ProgrammeStatus.SUBMITTED);
	}

	@Override
	public void awaitReview(long programmeId) {
		record.transition(programmeId, "AWAITING_REVIEW", ProgrammeStatus.UNDER_REVIEW, FundingProposalProcess.SYSTEM_USER,
				null, ProgrammeStatus.SUBMITTED, ProgrammeStatus.OVERLAP_REVIEW);
	}

	@Override
	public void returnForRevision(long programmeId, String comment, String by) {
		record.transition(programmeId, "RETURNED_FOR_REVISION", ProgrammeStatus.RETURNED_FOR_REVISION, by, comment,
				ProgrammeStatus.UNDER_REVIEW, ProgrammeStatus.OVERLAP_REVIEW);
	}

	@Override
	public void reject(long programmeId, String reason, String by) {
		record.transition(programmeId, "REJECTED", ProgrammeStatus.REJECTED, by, reason, ProgrammeStatus.UNDER_REVIEW);
	}

	@Override
	public void withdraw(long programmeId, String reason, String by) {
		record.transition(programmeId, "WITHDRAWN", ProgrammeStatus.WITHDRAWN, by, reason, ProgrammeStatus.SUBMITTED,
				ProgrammeStatus.OVERLAP_REVIEW, ProgrammeStatus.UNDER_REVIEW, ProgrammeStatus.RETURNED_FOR_REVISION);
	}

	@Override
	public void openForFunding(long programmeId, String by) {
		ProgrammeView before = record.find(programmeId);
		ProgrammeRecord.requireStatus(before, ProgrammeStatus.UNDER_REVIEW);
		Instant now = record.now();
		if (!programmes.transitionStatus(programmeId, ProgrammeStatus.OPEN_FOR_FUNDING,
				EnumSet.of(ProgrammeStatus.UNDER_REVIEW), by, now)) {
			throw new ConflictException("Programme " + programmeId + " was changed at the same time.");
		}
		programmes.fundingDeadline(programmeId, before.fundingDeadlineDays(), daysFrom(now, before.fundingDeadlineDays()), by,
				now);
		record.record(before, "OPENED_FOR_FUNDING", by, null);
	}

	/** Calendar days, as people count a deadline, in the server's time zone. */
	private static Instant daysFrom(Instant start, int days) {
		return start.atZone(ZoneId.systemDefault()).plusDays(days).toInstant();
	}

	@Override
	public void fundingDeadlinePassed(long programmeId) {
		record.transition(programmeId, "FUNDING_DEADLINE_PASSED", ProgrammeStatus.PARTIALLY_FUNDED,
				FundingProposalProcess.SYSTEM_USER, null, ProgrammeStatus.OPEN_FOR_FUNDING);
	}

	@Override
	public void extendFundingDeadline(long programmeId, int extraDays, String by) {
		ProgrammeView before = record.find(programmeId);
		ProgrammeRecord.requireStatus(before, ProgrammeStatus.PARTIALLY_FUNDED);
		Instant now = record.now();
		// the funding period counts from opening for funding; an extension lengthens it
		programmes.fundingDeadline(programmeId, before.fundingDeadlineDays() + extraDays, daysFrom(now, extraDays), by, now);
		if (!programmes.transitionStatus(programmeId, ProgrammeStatus.OPEN_FOR_FUNDING,
				EnumSet.of(ProgrammeStatus.PARTIALLY_FUNDED), by, now)) {
			throw new ConflictException("Programme " + programmeId + " was changed at the same time.");
		}
		record.record(before, "FUNDING_DEADLINE_EXTENDED", by, "extended by " + extraDays + " days");
	}

	@Override
	public void reviseBudget(long programmeId, BigDecimal amount, String by) {
		ProgrammeView before = record.find(programmeId);
		ProgrammeRecord.requireStatus(before, ProgrammeStatus.PARTIALLY_FUNDED, ProgrammeStatus.OPEN_FOR_FUNDING);
		if (amount == null || amount.signum() <= 0 || amount.compareTo(before.budget().amount()) > 0) {
			throw new InvalidInputException("revisedBudget", "must be positive and not above the current budget of "
					+ before.budget().amount().toPlainString() + " " + before.budget().currency());
		}
		List<InvalidField> errors = new ArrayList<>();
		if (!currencies.checkDecimals("revisedBudget", amount, before.budget().currency(), errors)) {
			throw new InvalidInputException(errors);
		}
		programmes.budget(programmeId, amount, by, record.now());
		record.record(before, "BUDGET_REVISED", by, null);
	}

	@Override
	public void markFunded(long programmeId, String by) {
		ProgrammeView p = record.transition(programmeId, "FUNDED", ProgrammeStatus.FUNDED, by, null,
				ProgrammeStatus.OPEN_FOR_FUNDING, ProgrammeStatus.PARTIALLY_FUNDED);
		events.publishEvent(new ProgrammeFunded(programmeId, p.office()));
	}

	@Override
	public void cancel(long programmeId, String reason, String by) {
		record.transition(programmeId, "CANCELLED", ProgrammeStatus.CANCELLED, by, reason,
				ProgrammeStatus.OPEN_FOR_FUNDING, ProgrammeStatus.PARTIALLY_FUNDED);
		events.publishEvent(new ProgrammeCancelled(programmeId, reason));
	}

}
