package org.coopflow.activities;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.activities.ActivityEvents.ReportOverdue;
import org.coopflow.activities.ActivityEvents.ReportSentToDonors;
import org.coopflow.activities.ImplementationRepository.Implementation;
import org.coopflow.pledges.PledgeService;
import org.coopflow.security.CoopflowUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The progress and final reports of implementations, as the implementation process asks for them: a
 * "Submit" task opens a report (or picks up the one returned for revision), a second officer reviews a
 * progress report, and the final report goes to the donors. Times come from the engine's clock, so that
 * a report's due date and the timers that remind of it agree.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional
public class ImplementationReports {

	private final ReportRepository reports;

	private final Activities activities;

	private final ActivityAccess access;

	private final PledgeService pledges;

	private final ImplementationSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ImplementationReports(ReportRepository reports, Activities activities, ActivityAccess access,
			PledgeService pledges, ImplementationSettings settings, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.reports = reports;
		this.activities = activities;
		this.access = access;
		this.pledges = pledges;
		this.settings = settings;
		this.events = events;
	}

	// --- reading ---------------------------------------------------------------------------------------

	/** Every report of the programme for staff; a funding donor sees only those shared with donors. */
	@Transactional(readOnly = true)
	public List<ReportView> ofProgramme(CoopflowUser user, long programmeId) {
		if (!access.mayRead(user, programmeId)) {
			throw new org.coopflow.shared.NotFoundException("Programme " + programmeId + " does not exist.");
		}
		List<ReportView> all = reports.ofProgramme(programmeId);
		return user.getRole() == org.coopflow.security.Role.DONOR
				? all.stream().filter(ReportView::sharedWithDonors).toList() : all;
	}

	@Transactional(readOnly = true)
	public List<ReportView> ofProgramme(long programmeId) {
		return reports.ofProgramme(programmeId);
	}

	/** Reports still due after their due date, of every programme. */
	@Transactional(readOnly = true)
	public List<ReportView> overdue() {
		return reports.overdue(clock.instant());
	}

	@Transactional(readOnly = true)
	public ReportView ofTask(String taskId) {
		return reports.ofTask(taskId)
			.orElseThrow(() -> new IllegalStateException("Task " + taskId + " works on no report"));
	}

	/**
	 * The report the task was bound to when it was created, which must be one of the programme of the
	 * task's process: a report of any other would mean the engine's state was corrupted.
	 */
	private ReportView ofTask(long programmeId, String taskId) {
		ReportView report = ofTask(taskId);
		if (report.programmeId() != programmeId) {
			throw new IllegalStateException("Task " + taskId + " of programme " + programmeId + " is bound to report "
					+ report.id() + " of programme " + report.programmeId());
		}
		return report;
	}

	// --- the process -----------------------------------------------------------------------------------

	/**
	 * The report a new "Submit" task works on: the one returned for revision, or a new one for the period
	 * since the last report (since implementation started, for the first). It is due after the reminder
	 * period the process's timer waits before reminding; a returned report's revision is due as long after.
	 */
	public ReportView openForSubmission(long programmeId, ReportKind kind, String taskId) {
		Instant due = clock.instant().plus(Duration.parse(settings.reportReminder()));
		var returned = reports.returned(programmeId, kind);
		if (returned.isPresent()) {
			reports.reopen(returned.get().id(), taskId, due);
			return reports.find(returned.get().id()).orElseThrow();
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate from = reports.latest(programmeId, ReportKind.PROGRESS)
			.filter(last -> kind == ReportKind.PROGRESS)
			.map(last -> last.periodTo().plusDays(1))
			.orElseGet(() -> activities.implementation(programmeId)
				.map(Implementation::startedAt)
				.map(started -> LocalDate.ofInstant(started, ZoneOffset.UTC))
				.orElse(today));
		if (from.isAfter(today)) {
			from = today;
		}
		long id = reports.insert(programmeId, kind, from, today, due, taskId);
		return reports.find(id).orElseThrow();
	}

	public void submit(long programmeId, String taskId, String summary, String by) {
		ReportView report = ofTask(programmeId, taskId);
		if (summary == null || summary.isBlank()) {
			throw new InvalidInputException("reportSummary", "must say what was done in the period, and what was not");
		}
		if (summary.length() > 20000) {
			throw new InvalidInputException("reportSummary", "must be at most 20000 characters");
		}
		reports.submit(report.id(), summary.strip(), activities.spent(report.programmeId()), by, clock.instant());
	}

	/** The submitted progress report a new "Review" task works on. */
	public ReportView openForReview(long programmeId, String taskId) {
		ReportView report = reports.awaitingReview(programmeId, ReportKind.PROGRESS)
			.orElseThrow(() -> new IllegalStateException("Programme " + programmeId + " has no report awaiting review"));
		reports.pickUp(report.id(), ReportStatus.SUBMITTED, taskId);
		return reports.find(report.id()).orElseThrow();
	}

	/** Four eyes: the officer who submitted a report never reviews it. */
	public void review(long programmeId, String taskId, boolean accepted, String comment, String by) {
		ReportView report = ofTask(programmeId, taskId);
		if (by.equals(report.submittedBy())) {
			throw new ConflictException(by + " submitted this report; a second officer of the office reviews it.");
		}
		if (!accepted && (comment == null || comment.isBlank())) {
			throw new InvalidInputException("reviewComment", "must say what to change when a report is returned");
		}
		reports.review(report.id(), accepted, comment == null || comment.isBlank() ? null : comment.strip(), by, clock.instant());
	}

	/** The DUE report of the kind is overdue: the officers are reminded, or (escalated) the coordinator told. */
	public void overdue(long programmeId, ReportKind kind, boolean escalated) {
		ReportRepository.Stamp stamp = escalated ? ReportRepository.Stamp.ESCALATED : ReportRepository.Stamp.REMINDED;
		reports.dueNotYet(programmeId, kind, stamp).ifPresent(report -> {
			reports.stamp(report.id(), stamp, clock.instant());
			Implementation implementation = activities.implementation(programmeId).orElseThrow();
			events.publishEvent(new ReportOverdue(report.id(), programmeId, implementation.office(), kind, escalated,
					report.dueAt()));
		});
	}

	/** The programme closes: a progress report still open is superseded by the final report. */
	public void supersedeOpenProgressReports(long programmeId) {
		reports.supersedeOpenProgressReports(programmeId);
	}

	/** Sends the submitted final report to each Member State whose agreed pledges fund the programme. */
	public ReportView sendFinalReportToDonors(long programmeId) {
		ReportView report = reports.ofProgramme(programmeId)
			.stream()
			.filter(r -> r.kind() == ReportKind.FINAL && r.status() == ReportStatus.SUBMITTED)
			.reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalStateException("Programme " + programmeId + " has no submitted final report"));
		if (report.sentToDonorsAt() == null) {
			reports.stamp(report.id(), ReportRepository.Stamp.SENT_TO_DONORS, clock.instant());
			Implementation implementation = activities.implementation(programmeId).orElseThrow();
			events.publishEvent(new ReportSentToDonors(report.id(), programmeId, implementation.office(),
					pledges.donorsOfProgramme(programmeId)));
		}
		return reports.find(report.id()).orElseThrow();
	}

	/** Received, spent and left, in the programme currency: the money part of every report. */
	@Transactional(readOnly = true)
	public BigDecimal spent(long programmeId) {
		return activities.spent(programmeId);
	}

}
