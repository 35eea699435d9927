package org.coopflow.activities;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.coopflow.activities.ImplementationRepository.Implementation;
import org.coopflow.activities.ImplementationRepository.Opening;
import org.coopflow.activities.ImplementationRepository.UnspentFundsDecision;
import org.coopflow.pledges.PledgeService;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries a funded programme's implementation through its stages (PLANNING, IN_IMPLEMENTATION, CLOSED)
 * and its activities from PLANNED to COMPLETED, as the implementation process's steps ask. Each step may
 * be retried by the engine, so a step already taken is no error. Times are the engine's clock.
 */
@Service
@Transactional
public class ImplementationProgress {

	private final ImplementationRepository implementations;

	private final ActivityRepository activities;

	private final Activities reads;

	private final ProgrammeCatalogue programmes;

	private final PledgeService pledges;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ImplementationProgress(ImplementationRepository implementations, ActivityRepository activities, Activities reads,
			ProgrammeCatalogue programmes, PledgeService pledges, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.implementations = implementations;
		this.activities = activities;
		this.reads = reads;
		this.programmes = programmes;
		this.pledges = pledges;
		this.events = events;
	}

	/**
	 * Opens the programme's implementation for planning (when it is funded); nothing when already open.
	 * The programme's title and currency are kept with it: they no longer change once it is funded.
	 */
	public void openImplementation(long programmeId) {
		programmes.find(programmeId).ifPresent(this::openImplementation);
	}

	void openImplementation(ProgrammeView programme) {
		try {
			implementations.open(new Opening(programme.id(), programme.office(), programme.title(),
					programme.budget().currency(), clock.instant()));
		}
		catch (DuplicateKeyException alreadyOpened) {
			// another request opened it at the same moment: that is the outcome wanted
		}
	}

	/** Planning is over: PLANNING → IN_IMPLEMENTATION; the ids of the activities to carry out. */
	public List<Long> startImplementation(long programmeId) {
		Implementation implementation = implementations.lock(programmeId)
			.orElseThrow(() -> new ConflictException("Programme " + programmeId + " has no implementation."));
		if (implementation.stage() == ImplementationStage.PLANNING) {
			implementations.move(programmeId, ImplementationStage.PLANNING, ImplementationStage.IN_IMPLEMENTATION,
					clock.instant());
		}
		return reads.plannedActivityIds(programmeId);
	}

	/** PLANNED → IN_PROGRESS; nothing when it already is (a retried step) or was cancelled meanwhile. */
	public void startActivity(long activityId, String by) {
		ActivityView activity = reads.find(activityId);
		if (activity.status() == ActivityStatus.PLANNED) {
			activities.transition(activityId, EnumSet.of(ActivityStatus.PLANNED), ActivityStatus.IN_PROGRESS, null, by,
					clock.instant());
			activities.recordActualDates(activityId, LocalDate.now(clock), null);
		}
	}

	public void completeMilestone(long milestoneId, String note, String by) {
		activities.activityOfMilestone(milestoneId)
			.orElseThrow(() -> new NotFoundException("Milestone " + milestoneId + " does not exist."));
		activities.completeMilestone(milestoneId, RequestChecks.blankToNull(note), by, clock.instant());
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
		else if (actualEnd.isAfter(LocalDate.now(clock))) {
			errors.add(new InvalidField("actualEnd", "must not be in the future: complete the activity once it ended"));
		}
		if (actualStart != null && actualEnd != null && actualEnd.isBefore(actualStart)) {
			errors.add(new InvalidField("actualEnd", "must not be before actualStart"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (!activities.transition(activityId, EnumSet.of(ActivityStatus.IN_PROGRESS), ActivityStatus.COMPLETED, null,
				by, clock.instant())) {
			throw new ConflictException("Activity " + activityId + " is "
					+ activities.find(activityId).map(ActivityView::status).orElse(null) + ", not IN_PROGRESS.");
		}
		activities.recordActualDates(activityId, actualStart, actualEnd);
	}

	/** The officer's choice for the funds left when the programme closes; the donors see it. */
	public void recordUnspentFunds(long programmeId, BigDecimal amount, UnspentFundsChoice choice, String reason,
			String by) {
		if (!implementations.record(new UnspentFundsDecision(programmeId, amount, choice, reason, by,
				clock.instant()))) {
			throw new ConflictException("Programme " + programmeId + " is closed already.");
		}
		Implementation implementation = implementations.find(programmeId).orElseThrow();
		events.publishEvent(new ActivityEvents.UnspentFundsDecided(programmeId, implementation.office(), amount,
				implementation.currency(), choice, reason, pledges.donorsOfProgramme(programmeId)));
	}

	/** IN_IMPLEMENTATION → CLOSED; nothing when it is closed already (a retried step). */
	public void closeImplementation(long programmeId) {
		implementations.move(programmeId, ImplementationStage.IN_IMPLEMENTATION, ImplementationStage.CLOSED,
				clock.instant());
	}

}
