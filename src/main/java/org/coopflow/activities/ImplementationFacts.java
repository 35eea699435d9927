package org.coopflow.activities;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.security.Role;
import org.springframework.stereotype.Component;

/**
 * What the implementation process reads from the records when it needs it (bean
 * {@code implementationFacts}): the activities to carry out, their milestones and types, whether funds
 * are left, and the configured schedule. Nothing of it is kept in process variables a form could rewrite;
 * each takes the execution, whose business key names the programme ({@link ImplementationRecords}).
 */
@Component("implementationFacts")
public class ImplementationFacts { // public: the engine's expression language calls it by reflection

	private final Activities activities;

	private final ProgrammeCatalogue programmes;

	private final ImplementationSettings settings;

	private final ImplementationRecords records;

	ImplementationFacts(Activities activities, ProgrammeCatalogue programmes, ImplementationSettings settings,
			ImplementationRecords records) {
		this.activities = activities;
		this.programmes = programmes;
		this.settings = settings;
		this.records = records;
	}

	/** The candidate group of the implementation's tasks: the officers of the office the programme names. */
	public String officers(DelegateExecution execution) {
		long programmeId = ImplementationRecords.programmeId(execution);
		return Role.PROGRAMME_OFFICER.groupOf(programmes.find(programmeId)
			.orElseThrow(() -> new IllegalStateException("The implementation process names programme " + programmeId
					+ ", which does not exist"))
			.office());
	}

	/** The activities planned when implementation started, except those cancelled meanwhile. */
	public List<Long> activityIds(DelegateExecution execution) {
		return activities.plannedActivityIds(ImplementationRecords.programmeId(execution));
	}

	public String activityType(DelegateExecution execution) {
		return records.activity(execution).type().name();
	}

	/**
	 * The activity's milestones, in order. All of them, also those completed: a sequential multi-instance
	 * evaluates its collection again for each element and takes the element at the loop counter.
	 */
	public List<Long> milestoneIds(DelegateExecution execution) {
		return records.activity(execution).milestones().stream().map(ActivityView.Milestone::id).toList();
	}

	/** Received funds not spent: the donors are told, and an officer records what becomes of them. */
	public boolean unspentFunds(DelegateExecution execution) {
		return unspent(ImplementationRecords.programmeId(execution)).signum() > 0;
	}

	BigDecimal unspent(long programmeId) {
		return programmes.received(programmeId).subtract(activities.spent(programmeId)).setScale(2);
	}

	public String progressReportCycle() {
		return settings.progressReportCycle();
	}

	public String reportReminder() {
		return settings.reportReminder();
	}

	public String reportEscalation() {
		return settings.reportEscalation();
	}

	public String surveyReminderCycle() {
		return settings.surveyReminderCycle();
	}

}
