package org.coopflow.activities;

import java.math.BigDecimal;
import java.util.List;

import org.coopflow.programmes.ProgrammeCatalogue;
import org.springframework.stereotype.Component;

/**
 * What the implementation process reads from the records when it needs it (bean
 * {@code implementationFacts}): the activities to carry out, their milestones and types, whether funds
 * are left, and the configured schedule. Nothing of it is kept in process variables a form could rewrite.
 */
@Component("implementationFacts")
public class ImplementationFacts { // public: the engine's expression language calls it by reflection

	private final ActivityService activities;

	private final ProgrammeCatalogue programmes;

	private final ImplementationSettings settings;

	ImplementationFacts(ActivityService activities, ProgrammeCatalogue programmes, ImplementationSettings settings) {
		this.activities = activities;
		this.programmes = programmes;
		this.settings = settings;
	}

	/** The activities planned when implementation started, except those cancelled meanwhile. */
	public List<Long> activityIds(long programmeId) {
		return activities.plannedActivityIds(programmeId);
	}

	public String activityType(long activityId) {
		return activities.find(activityId).type().name();
	}

	/**
	 * The activity's milestones, in order. All of them, also those completed: a sequential multi-instance
	 * evaluates its collection again for each element and takes the element at the loop counter.
	 */
	public List<Long> milestoneIds(long activityId) {
		return activities.find(activityId).milestones().stream().map(ActivityView.Milestone::id).toList();
	}

	/** Received funds not spent: the donors are told, and an officer records what becomes of them. */
	public boolean unspentFunds(long programmeId) {
		return unspent(programmeId).signum() > 0;
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
