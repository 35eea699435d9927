package org.coopflow.activities;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coopflow.activities.ImplementationProcess.Tasks;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.programmes.WorkingDays;
import org.coopflow.reference.CountryNames;
import java.util.List;
import org.coopflow.security.Role;
import org.coopflow.workflow.TaskGuide;
import org.springframework.stereotype.Component;

/**
 * Names the implementation process's tasks after the programme or the activity they work on ("Submit
 * progress report — Prison reform in Malawi"). Due dates: a report when the model reminds its author
 * (the report's own due date, {@code coopflow.activities.report-reminder} after the task was created),
 * followed up when the model tells the coordinator ({@code report-escalation}); a milestone by its due
 * date; an activity's own step by the activity's planned end, and its completion within
 * {@value #DAYS_TO_ACT} working days after it; planning and the choice for unspent funds within
 * {@value #DAYS_TO_PLAN} working days; a report's review within {@value #DAYS_TO_ACT}.
 */
@Component
class ImplementationTaskGuide implements TaskGuide {

	static final int DAYS_TO_ACT = 5;

	static final int DAYS_TO_PLAN = 10;

	private static final int TITLE = 200;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final ProgrammeCatalogue programmes;

	private final ImplementationRecords records;

	private final ImplementationSettings settings;

	private final WorkingDays workingDays;

	private final Clock clock;

	ImplementationTaskGuide(ProgrammeCatalogue programmes, ImplementationRecords records, ImplementationSettings settings,
			WorkingDays workingDays, Clock clock) {
		this.clock = clock;
		this.programmes = programmes;
		this.records = records;
		this.settings = settings;
		this.workingDays = workingDays;
	}

	@Override
	public String processDefinitionKey() {
		return ImplementationProcess.KEY;
	}

	@Override
	public List<WorkFilter> filters() {
		return List.of(new WorkFilter("Reports to review",
				"Progress reports of your office's programmes, waiting for a second officer to accept or return them.",
				List.of(Tasks.REVIEW_PROGRESS_REPORT), List.of(Role.PROGRAMME_OFFICER.name())));
	}

	@Override
	public Guidance guide(DelegateTask task) {
		long programmeId = ImplementationRecords.programmeId(task);
		ProgrammeView programme = programmes.find(programmeId).orElseThrow();
		String title = TaskGuide.shortened(programme.title(), TITLE);
		String office = programme.office().label();
		String ofProgramme = office + "'s programme \"" + title + "\" (programme " + programmeId + ")";
		return switch (task.getTaskDefinitionKey()) {
			case Tasks.PLAN_ACTIVITIES -> {
				Date due = workingDays.after(DAYS_TO_PLAN);
				yield new Guidance("Plan activities — " + title, ofProgramme
						+ " is funded. Plan its activities in coopflow, each with its type, dates, budget line and milestones, then complete this task, by "
						+ day(due) + ".", due, null);
			}
			case Tasks.SUBMIT_PROGRESS_REPORT, Tasks.SUBMIT_FINAL_REPORT -> {
				boolean last = Tasks.SUBMIT_FINAL_REPORT.equals(task.getTaskDefinitionKey());
				Date due = task.getDueDate() != null ? task.getDueDate() : after(settings.reportReminder());
				Date escalation = after(settings.reportEscalation());
				yield new Guidance((last ? "Submit final report — " : "Submit progress report — ") + title,
						(last ? "All activities of " + ofProgramme + " are done. Write its final report, which goes to the donors"
								: "Write the progress report of " + ofProgramme + " for this reporting period")
								+ ": what was achieved and how the money was used. It waits until every reporting period of the"
								+ " programme's indicators that has ended has its actual, or why it is missing: enter them on the"
								+ " programme's page. Due " + day(due)
								+ ": coopflow reminds you then, and tells the office's coordinator on " + day(escalation) + ".",
						due, escalation);
			}
			case Tasks.REVIEW_PROGRESS_REPORT -> {
				Date due = workingDays.after(DAYS_TO_ACT);
				yield new Guidance("Review progress report — " + title, "A progress report of " + ofProgramme
						+ " was submitted. Read it and accept it, or return it with a comment saying what to change, by " + day(due)
						+ ". Whoever wrote it cannot review it.", due, null);
			}
			case Tasks.RECORD_UNSPENT_FUNDS_CHOICE -> {
				Date due = workingDays.after(DAYS_TO_PLAN);
				yield new Guidance("Record choice for unspent funds — " + title, ofProgramme
						+ " is complete and part of its money is unspent. Record whether it goes back to the donors or is reprogrammed, and why, by "
						+ day(due) + "; the programme is then closed.", due, null);
			}
			default -> activityStep(task, ofProgramme);
		};
	}

	private Guidance activityStep(DelegateTask task, String ofProgramme) {
		String kind = task.getBpmnModelElementInstance() == null ? task.getName()
				: task.getBpmnModelElementInstance().getName();
		if (!task.hasVariable(ImplementationProcess.Variables.ACTIVITY_ID)) {
			return new Guidance(kind + " — " + ofProgramme, ofProgramme + ".", null, null);
		}
		ActivityView activity = records.activity(task);
		String activityTitle = TaskGuide.shortened(activity.title(), TITLE);
		String what = "\"" + activityTitle + "\", " + (activity.type() == null ? "an activity" : article(activity.type().label()))
				+ (activity.country() == null ? "" : " in " + CountryNames.name(activity.country())) + " planned "
				+ day(activity.plannedStart()) + " to " + day(activity.plannedEnd()) + ", of " + ofProgramme + ".";
		Date plannedEnd = endOf(activity.plannedEnd());
		return switch (task.getTaskDefinitionKey()) {
			case Tasks.COMPLETE_MILESTONE -> {
				long milestoneId = records.milestoneId(task);
				String milestone = activity.milestones()
					.stream()
					.filter(m -> m.id() == milestoneId)
					.findFirst()
					.map(m -> TaskGuide.shortened(m.title(), 100))
					.orElse("milestone");
				// the milestone's own due date, which the facts listener set
				yield new Guidance("Complete milestone — " + milestone + ": " + activityTitle, "Confirm that the milestone \""
						+ milestone + "\" is reached, with a note if useful. Activity " + what, null, null);
			}
			case Tasks.COMPLETE_ACTIVITY -> {
				Date due = Date.from(workingDays.add(ZonedDateTime.ofInstant(later(plannedEnd, Date.from(clock.instant())).toInstant(),
						workingDays.zone()), DAYS_TO_ACT).toInstant());
				yield new Guidance("Complete activity — " + activityTitle, "Record the dates on which the activity actually started and ended, by "
						+ day(due) + ". Activity " + what, due, null);
			}
			default -> new Guidance(kind + " — " + activityTitle,
					kind + " for the activity " + what + " Due by its planned end, " + day(activity.plannedEnd()) + ".",
					plannedEnd, null);
		};
	}

	private static String article(String label) {
		String lower = label.toLowerCase(Locale.ENGLISH);
		return ("aeiou".indexOf(lower.charAt(0)) >= 0 ? "an " : "a ") + lower;
	}

	private Date after(String isoDuration) {
		return new Date(clock.millis() + Duration.parse(isoDuration).toMillis());
	}

	private static Date later(Date a, Date b) {
		return a == null || a.before(b) ? b : a;
	}

	/** The end of a day where the offices work: a step due "on" a date may be done during that day. */
	private Date endOf(LocalDate day) {
		return day == null ? null : Date.from(day.plusDays(1).atStartOfDay(workingDays.zone()).toInstant());
	}

	private String day(Date date) {
		return DAY.format(ZonedDateTime.ofInstant(date.toInstant(), workingDays.zone()).toLocalDate());
	}

	private static String day(LocalDate date) {
		return date == null ? "?" : DAY.format(date);
	}

}
