package org.coopflow.overlap;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.coopflow.overlap.AlertRepository.Alert;
import org.coopflow.overlap.OverlapReviewProcess.Elements;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.programmes.WorkingDays;
import org.coopflow.reference.CountryNames;
import java.util.List;
import org.coopflow.security.Role;
import org.coopflow.workflow.TaskGuide;
import org.springframework.stereotype.Component;

/**
 * Names the overlap review's tasks after the two programmes ("Review overlap: Prison training in Malawi
 * (CPCJD) × Prison reform in Malawi (OHCHR)"). The model reminds the coordinators
 * {@value #REMIND_AFTER} working days after the review started and asks the administrators to step in
 * after {@value #ESCALATE_AFTER}; every task of the review is due when that reminder goes out and
 * followed up when it is escalated, read from the timers themselves once they are stored.
 */
@Component
class AlertTaskGuide implements TaskGuide {

	/** The shared Tasklist filter of the overlap review's tasks. */
	static final String FILTER = "Overlap alerts to review";

	/** As the model's "10 working days undecided" timer. */
	static final int REMIND_AFTER = 10;

	/** As the model's "15 working days undecided" timer. */
	static final int ESCALATE_AFTER = 15;

	/** Two titles and two offices fit in a task name (255 characters). */
	private static final int TITLE = 100;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final AlertRepository alerts;

	private final ProgrammeCatalogue programmes;

	private final WorkingDays workingDays;

	AlertTaskGuide(AlertRepository alerts, ProgrammeCatalogue programmes, WorkingDays workingDays) {
		this.alerts = alerts;
		this.programmes = programmes;
		this.workingDays = workingDays;
	}

	@Override
	public String processDefinitionKey() {
		return OverlapReviewProcess.PROCESS_KEY;
	}

	@Override
	public List<WorkFilter> filters() {
		return List.of(new WorkFilter(FILTER,
				"Possible overlaps between two programmes, waiting for your office's proposal or for a joint decision.",
				List.of(Elements.TASK_REVIEW_ALERT_CPCJD, Elements.TASK_REVIEW_ALERT_OHCHR, Elements.TASK_SETTLE_JOINT_DECISION),
				List.of(Role.COORDINATOR.name())));
	}

	@Override
	public Guidance guide(DelegateTask task) {
		long alertId = OverlapReviewProcess.ALERT.of(task);
		Alert alert = alerts.find(alertId).orElseThrow(() -> new IllegalStateException("No overlap alert " + alertId));
		String first = side(alert.firstId());
		String second = side(alert.secondId());
		String pair = first + " × " + second;
		Date due = timer(task, Elements.TIMER_REVIEW_REMINDER, REMIND_AFTER, alert.raisedAt());
		Date escalation = timer(task, Elements.TIMER_REVIEW_ESCALATION, ESCALATE_AFTER, alert.raisedAt());
		String shared = alert.countries().isEmpty() ? ""
				: ", both in " + alert.countries().stream().map(CountryNames::name).collect(Collectors.joining(", "));
		String record = "Overlap alert " + alertId + ": " + pair + " may overlap ("
				+ (alert.severity() == null ? "" : alert.severity().toLowerCase(Locale.ENGLISH) + " severity, ") + "score " + alert.score().toPlainString() + shared + ").";
		String chase = " Due " + day(due) + ": coopflow reminds both offices' coordinators then, and asks the administrators to step in on "
				+ day(escalation) + ".";
		if (Elements.TASK_SETTLE_JOINT_DECISION.equals(task.getTaskDefinitionKey())) {
			return new Guidance("Settle overlap: " + pair, record
					+ " The two offices proposed different outcomes: agree on one between you, and one of you records it for both."
					+ chase, due, escalation);
		}
		return new Guidance("Review overlap: " + pair, record
				+ " Compare the two programmes and the signals that raised the alert, and propose what the offices should do; the other office's coordinator proposes too."
				+ chase, due, escalation);
	}

	private String side(long programmeId) {
		return programmes.find(programmeId)
			.map(p -> TaskGuide.shortened(p.title(), TITLE) + " (" + office(p) + ")")
			.orElse("programme " + programmeId);
	}

	private static String office(ProgrammeView programme) {
		return programme.office() == null ? "" : programme.office().label();
	}

	/**
	 * When the review's timer fires. Stored once the review's first transaction ends; the first tasks are
	 * created in that transaction, with the timer, so they count the same working days from now. A task
	 * created after the timer fired counts them from when the alert was raised (when its review started).
	 */
	private Date timer(DelegateTask task, String timerId, int workingDaysAfter, Instant raisedAt) {
		// the process's own reading: a coordinator whose completion creates the task may not read its jobs
		Job job = org.camunda.bpm.engine.impl.context.Context.getCommandContext()
			.runWithoutAuthorization(() -> task.getProcessEngineServices()
				.getManagementService()
				.createJobQuery()
				.processInstanceId(task.getProcessInstanceId())
				.activityId(timerId)
				.timers()
				.singleResult());
		Optional<Date> stored = Optional.ofNullable(job).map(Job::getDuedate);
		if (stored.isPresent()) {
			return stored.get();
		}
		if (Elements.TASK_SETTLE_JOINT_DECISION.equals(task.getTaskDefinitionKey()) && raisedAt != null) {
			return Date.from(workingDays.add(raisedAt.atZone(workingDays.zone()), workingDaysAfter).toInstant());
		}
		return workingDays.after(workingDaysAfter);
	}

	private String day(Date date) {
		return DAY.format(ZonedDateTime.ofInstant(date.toInstant(), workingDays.zone()).toLocalDate());
	}

}
