package org.coopflow.activities;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.activities.ImplementationProcess.Tasks;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.workflow.TaskVisibility;
import org.springframework.stereotype.Component;

/**
 * On create, gives each user task of the implementation process the facts its form shows, as
 * task-local text (they vanish with the task instead of going stale as process variables), and binds
 * each report task to its report.
 */
@Component
class ImplementationTaskListener implements TaskListener {

	private final ProgrammeCatalogue programmes;

	private final ActivityService activities;

	private final ImplementationReports reports;

	private final ActivityTypeDetails typeDetails;

	private final ImplementationRecords records;

	ImplementationTaskListener(ProgrammeCatalogue programmes, ActivityService activities, ImplementationReports reports,
			ActivityTypeDetails typeDetails, ImplementationRecords records) {
		this.programmes = programmes;
		this.activities = activities;
		this.reports = reports;
		this.typeDetails = typeDetails;
		this.records = records;
	}

	@Override
	public void notify(DelegateTask task) {
		long programmeId = ImplementationRecords.programmeId(task);
		ProgrammeView programme = programmes.find(programmeId).orElseThrow();
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("programmeTitle", programme.title() + " (programme " + programmeId + ", " + programme.office() + ")");
		switch (task.getTaskDefinitionKey()) {
			case Tasks.PLAN_ACTIVITIES -> shown.put("plannedActivities", planned(programmeId));
			case Tasks.SUBMIT_PROGRESS_REPORT, Tasks.SUBMIT_FINAL_REPORT -> {
				ReportKind kind = Tasks.SUBMIT_FINAL_REPORT.equals(task.getTaskDefinitionKey()) ? ReportKind.FINAL
						: ReportKind.PROGRESS;
				ReportView report = reports.openForSubmission(programmeId, kind, task.getId());
				shown.put("reportPeriod", report.periodFrom() + " to " + report.periodTo() + ", due by "
						+ report.dueAt().toString().substring(0, 10));
				shown.put("moneySummary", money(programme));
				if (report.reviewComment() != null) {
					shown.put("reviewComment", report.reviewComment());
				}
				task.setDueDate(java.util.Date.from(report.dueAt()));
			}
			case Tasks.REVIEW_PROGRESS_REPORT -> {
				// the last review's decision is still a process variable (the gateway after the task read it):
				// left there, Tasklist would show it chosen and a completion without a decision would reuse it
				task.removeVariable(ImplementationProcess.Variables.REPORT_ACCEPTED);
				ReportView report = reports.openForReview(programmeId, task.getId());
				// four eyes: the officer who submitted the report does not see the review in Tasklist
				TaskVisibility.hideFrom(task, java.util.List.of(report.submittedBy()));
				shown.put("reportPeriod", report.periodFrom() + " to " + report.periodTo() + ", submitted by "
						+ report.submittedBy());
				shown.put("reportSummary", report.summary());
				shown.put("moneySummary", money(programme));
			}
			case Tasks.RECORD_UNSPENT_FUNDS_CHOICE -> shown.put("unspentSummary", money(programme)
					+ "\nUnspent funds go back to the donors or, with their agreement, to another programme.");
			default -> activityFacts(task, shown);
		}
		task.setVariablesLocal(shown);
	}

	private void activityFacts(DelegateTask task, Map<String, Object> shown) {
		if (!task.hasVariable(ImplementationProcess.Variables.ACTIVITY_ID)) {
			return;
		}
		ActivityView activity = records.activity(task);
		long activityId = activity.id();
		shown.put("activityTitle", activity.title() + " (" + activity.type() + (activity.country() == null ? ""
				: ", " + activity.country()) + ", planned " + activity.plannedStart() + " to " + activity.plannedEnd() + ")");
		if (Tasks.COMPLETE_MILESTONE.equals(task.getTaskDefinitionKey())) {
			long milestoneId = records.milestoneId(task);
			activity.milestones().stream().filter(m -> m.id() == milestoneId).findFirst().ifPresent(m -> {
				shown.put("milestoneTitle", m.title());
				shown.put("milestoneDue", m.due().toString());
				task.setDueDate(java.util.Date.from(m.due().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
			});
		}
		shown.putAll(typeDetails.taskFacts(activityId));
	}

	/** The activities planned so far, one line each: the "Plan activities" form shows it. */
	String planned(long programmeId) {
		var planned = activities.activitiesOf(programmeId);
		if (planned.isEmpty()) {
			return "No activity planned yet.";
		}
		return planned.stream()
			.map(a -> "- " + a.type() + ": " + a.title() + " (" + a.plannedStart() + " to " + a.plannedEnd() + ", "
					+ a.milestones().size() + " milestones, " + a.status() + ")")
			.collect(Collectors.joining("\n"));
	}

	private String money(ProgrammeView programme) {
		BigDecimal received = programmes.received(programme.id()).setScale(2);
		BigDecimal spent = reports.spent(programme.id());
		String currency = programme.budget().currency();
		BigDecimal left = received.subtract(spent);
		return "Budget " + currency + " " + programme.budget().amount().toPlainString() + "; received " + currency + " "
				+ received.toPlainString() + "; spent " + currency + " " + spent.toPlainString()
				+ (left.signum() >= 0 ? "; left " + currency + " " + left.toPlainString()
						: "; spent beyond the funds received " + currency + " " + left.negate().toPlainString());
	}

}
