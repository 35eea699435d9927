package org.coopflow.activities;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.activities.ImplementationProcess.Tasks;
import org.coopflow.workflow.TaskVisibility;
import org.springframework.stereotype.Component;

/**
 * On create, binds each report task to its report, sets the due dates the records give and keeps a
 * review from the report's author; the facts the forms show are read when a form opens
 * ({@link ImplementationTaskFacts}).
 */
@Component
class ImplementationTaskListener implements TaskListener {

	private final ImplementationReports reports;

	private final ImplementationRecords records;

	ImplementationTaskListener(ImplementationReports reports, ImplementationRecords records) {
		this.reports = reports;
		this.records = records;
	}

	@Override
	public void notify(DelegateTask task) {
		long programmeId = ImplementationRecords.programmeId(task);
		switch (task.getTaskDefinitionKey()) {
			case Tasks.SUBMIT_PROGRESS_REPORT, Tasks.SUBMIT_FINAL_REPORT -> {
				ReportKind kind = Tasks.SUBMIT_FINAL_REPORT.equals(task.getTaskDefinitionKey()) ? ReportKind.FINAL
						: ReportKind.PROGRESS;
				ReportView report = reports.openForSubmission(programmeId, kind, task.getId());
				task.setDueDate(java.util.Date.from(report.dueAt()));
			}
			case Tasks.REVIEW_PROGRESS_REPORT -> {
				// the last review's decision is still a process variable (the gateway after the task read it):
				// left there, Tasklist would show it chosen and a completion without a decision would reuse it
				task.removeVariable(ImplementationProcess.Variables.REPORT_ACCEPTED);
				ReportView report = reports.openForReview(programmeId, task.getId());
				// four eyes: the officer who submitted the report does not see the review in Tasklist
				TaskVisibility.hideFrom(task, java.util.List.of(report.submittedBy()));
			}
			case Tasks.COMPLETE_MILESTONE -> {
				ActivityView activity = records.activity(task);
				long milestoneId = records.milestoneId(task);
				activity.milestones()
					.stream()
					.filter(m -> m.id() == milestoneId)
					.findFirst()
					.ifPresent(m -> task.setDueDate(
							java.util.Date.from(m.due().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
			}
			default -> {
				// the other tasks take their facts from the records when their forms open
			}
		}
	}

}
