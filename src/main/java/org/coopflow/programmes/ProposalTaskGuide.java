package org.coopflow.programmes;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coopflow.programmes.FundingProposalProcess.Elements;
import org.coopflow.reference.Amounts;
import org.coopflow.reference.CountryNames;
import java.util.List;
import org.coopflow.security.Role;
import org.coopflow.workflow.TaskGuide;
import org.springframework.stereotype.Component;

/**
 * Names the funding proposal process's tasks after the proposal ("Review proposal — Prison reform in
 * Malawi (CPCJD)"). Every user task of this process is reminded after {@value #REMIND_AFTER} working days
 * and escalated to the office's coordinators after {@value #ESCALATE_AFTER} (the model's timers), so a
 * task is due when the reminder goes out and followed up when it is escalated: "overdue" in Tasklist
 * means the same as the reminder.
 */
@Component
class ProposalTaskGuide implements TaskGuide {

	/** As the model's "5 working days untouched" timers. */
	static final int REMIND_AFTER = 5;

	/** As the model's "10 working days untouched" timers. */
	static final int ESCALATE_AFTER = 10;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final ProposalLifecycle lifecycle;

	private final WorkingDays workingDays;

	ProposalTaskGuide(ProposalLifecycle lifecycle, WorkingDays workingDays) {
		this.lifecycle = lifecycle;
		this.workingDays = workingDays;
	}

	@Override
	public String processDefinitionKey() {
		return FundingProposalProcess.PROCESS_KEY;
	}

	@Override
	public List<WorkFilter> filters() {
		return List.of(new WorkFilter("Proposals to review",
				"Funding proposals of your office waiting for a second officer's review (never your own).",
				List.of(Elements.TASK_REVIEW_PROPOSAL), List.of(Role.PROGRAMME_OFFICER.name())));
	}

	@Override
	public Guidance guide(DelegateTask task) {
		long programmeId = FundingProposalProcess.PROGRAMME.of(task);
		ProposalFacts proposal = lifecycle.facts(programmeId);
		String office = proposal.office() == null ? "" : proposal.office().label();
		String about = TaskGuide.shortened(proposal.title(), 200) + " (" + office + ")";
		Date due = workingDays.after(REMIND_AFTER);
		Date escalation = workingDays.after(ESCALATE_AFTER);
		String record = office + "'s proposal \"" + TaskGuide.shortened(proposal.title(), 200) + "\""
				+ (proposal.countries().isEmpty() ? ""
						: " for " + proposal.countries().stream().map(CountryNames::name).collect(Collectors.joining(", ")))
				+ (proposal.budgetAmount() == null ? "" : ", budget " + Amounts.format(proposal.budgetCurrency(), proposal.budgetAmount()))
				+ " (programme " + programmeId + ").";
		String chase = " Due " + day(due) + ": coopflow reminds you then, and tells the office's coordinators on "
				+ day(escalation) + ".";
		return switch (task.getTaskDefinitionKey()) {
			case Elements.TASK_REVIEW_PROPOSAL -> new Guidance("Review proposal — " + about, record
					+ " As the second officer of the office, read it and approve it for funding, return it for revision with a comment, or reject it."
					+ chase, due, escalation);
			case Elements.TASK_REVISE_PROPOSAL -> new Guidance("Revise proposal — " + about, record
					+ " It was returned for revision: change it in coopflow as the comment asks, then complete this task to submit it again."
					+ chase, due, escalation);
			case Elements.TASK_DECIDE_PARTIAL_FUNDING -> new Guidance("Decide on partial funding — " + about, record
					+ " Its funding deadline passed before it was fully funded: start with the funds pledged, extend the deadline, or cancel it and release the pledges."
					+ chase, due, escalation);
			default -> new Guidance(task.getName() + " — " + about, record + chase, due, escalation);
		};
	}

	private String day(Date date) {
		return DAY.format(ZonedDateTime.ofInstant(date.toInstant(), workingDays.zone()).toLocalDate());
	}

}
