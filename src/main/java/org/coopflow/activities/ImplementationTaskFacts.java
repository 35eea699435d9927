package org.coopflow.activities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coopflow.activities.ImplementationProcess.Tasks;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.Amounts;
import org.coopflow.reference.CountryNames;
import org.coopflow.security.UserDirectory;
import org.coopflow.workflow.TaskFacts;
import org.springframework.stereotype.Component;

/**
 * What the implementation process's forms show, read from the programme's, activity's and report's
 * records whenever a form is opened: the activities planned so far, the money received and spent, the
 * report a task works on (the one {@link ImplementationTaskListener} bound it to).
 */
@Component
class ImplementationTaskFacts implements TaskFacts {

	private final ProgrammeCatalogue programmes;

	private final Activities activities;

	private final ImplementationReports reports;

	private final ActivityTypeTaskFacts typeDetails;

	private final ImplementationRecords records;

	private final UserDirectory people;

	ImplementationTaskFacts(ProgrammeCatalogue programmes, Activities activities, ImplementationReports reports,
			ActivityTypeTaskFacts typeDetails, ImplementationRecords records, UserDirectory people) {
		this.programmes = programmes;
		this.activities = activities;
		this.reports = reports;
		this.typeDetails = typeDetails;
		this.records = records;
		this.people = people;
	}

	@Override
	public String processKey() {
		return ImplementationProcess.KEY;
	}

	@Override
	public Map<String, Object> of(DelegateTask task) {
		long programmeId = ImplementationRecords.programmeId(task);
		ProgrammeView programme = programmes.find(programmeId).orElseThrow();
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("programmeTitle", programme.title() + " (" + programme.office().label() + ")");
		switch (task.getTaskDefinitionKey()) {
			case Tasks.PLAN_ACTIVITIES -> shown.put("plannedActivities", planned(programmeId));
			case Tasks.SUBMIT_PROGRESS_REPORT, Tasks.SUBMIT_FINAL_REPORT -> {
				ReportView report = reports.ofTask(task.getId());
				shown.put("reportPeriod", TaskFacts.period(report.periodFrom(), report.periodTo()) + ", due by "
						+ TaskFacts.day(LocalDate.ofInstant(report.dueAt(), ZoneOffset.UTC)));
				shown.put("moneySummary", money(programme));
				shown.put("reviewComment", report.reviewComment() == null ? "" : report.reviewComment());
			}
			case Tasks.REVIEW_PROGRESS_REPORT -> {
				ReportView report = reports.ofTask(task.getId());
				shown.put("reportPeriod", TaskFacts.period(report.periodFrom(), report.periodTo()) + ", submitted by "
						+ people.displayNameOf(report.submittedBy()));
				shown.put("reportSummary", report.summary() == null ? "" : report.summary());
				shown.put("moneySummary", money(programme));
			}
			case Tasks.RECORD_UNSPENT_FUNDS_CHOICE -> shown.put("unspentSummary", money(programme)
					+ "\nUnspent funds go back to the donors or, with their agreement, to another programme.");
			default -> activityFacts(task, shown);
		}
		return shown;
	}

	private void activityFacts(DelegateTask task, Map<String, Object> shown) {
		if (!task.hasVariable(ImplementationProcess.Variables.ACTIVITY_ID)) {
			return;
		}
		ActivityView activity = records.activity(task);
		shown.put("activityTitle", activity.title() + " (" + activity.type().label()
				+ (activity.country() == null ? "" : ", " + CountryNames.name(activity.country())) + ", planned "
				+ TaskFacts.period(activity.plannedStart(), activity.plannedEnd()) + ")");
		if (Tasks.COMPLETE_MILESTONE.equals(task.getTaskDefinitionKey())) {
			long milestoneId = records.milestoneId(task);
			activity.milestones().stream().filter(m -> m.id() == milestoneId).findFirst().ifPresent(m -> {
				shown.put("milestoneTitle", m.title());
				shown.put("milestoneDue", TaskFacts.day(m.due()));
			});
		}
		if (Tasks.RECORD_TRANSLATED_EDITION.equals(task.getTaskDefinitionKey())) {
			// the form's selects: Member States and languages by name, their codes as the values recorded
			shown.put("memberStateOptions", TaskFacts.options(CountryNames.all()));
			shown.put("languageOptions", TaskFacts.options(LANGUAGES));
		}
		shown.putAll(typeDetails.of(activity.id()));
	}

	/** ISO 639-1 languages by English name, in alphabetical order of name. */
	private static final Map<String, String> LANGUAGES = languages();

	private static Map<String, String> languages() {
		Map<String, String> names = new LinkedHashMap<>();
		java.util.Arrays.stream(java.util.Locale.getISOLanguages())
			.filter(code -> code.length() == 2)
			.sorted(java.util.Comparator.comparing(code -> new java.util.Locale(code).getDisplayLanguage(java.util.Locale.ENGLISH)))
			.forEach(code -> names.put(code, new java.util.Locale(code).getDisplayLanguage(java.util.Locale.ENGLISH)));
		return java.util.Collections.unmodifiableMap(names);
	}

	/** The activities planned so far, one line each, and where to plan more. */
	String planned(long programmeId) {
		var planned = activities.activitiesOf(programmeId);
		String where = "Plan activities on the programme's implementation page in coopflow: /implementation/"
				+ programmeId;
		if (planned.isEmpty()) {
			return "No activity planned yet.\n" + where;
		}
		return planned.stream()
			.map(a -> "- " + a.type().label() + ": " + a.title() + " (" + TaskFacts.period(a.plannedStart(), a.plannedEnd())
					+ ", " + a.milestones().size() + (a.milestones().size() == 1 ? " milestone, " : " milestones, ")
					+ a.status().label() + ")")
			.collect(Collectors.joining("\n")) + "\n" + where;
	}

	private String money(ProgrammeView programme) {
		BigDecimal received = programmes.received(programme.id());
		BigDecimal spent = reports.spent(programme.id());
		String currency = programme.budget().currency();
		BigDecimal left = received.subtract(spent);
		return "Budget " + Amounts.format(currency, programme.budget().amount()) + "; received "
				+ Amounts.format(currency, received) + "; spent " + Amounts.format(currency, spent)
				+ (left.signum() >= 0 ? "; left " + Amounts.format(currency, left)
						: "; spent beyond the funds received " + Amounts.format(currency, left.negate()));
	}

}
