package org.coopflow.activities;

import org.coopflow.programmes.ActivityType;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The activity a type-specific step (ECOSOC resolution 1997/32: translated edition, survey, expert
 * meeting) records for. Who may call is checked by the callers (the REST API through
 * {@link ActivityAccess#writable}, the process by its candidate groups); here an activity of another type
 * is refused (409), and a change to a cancelled one too (409).
 */
@Component
class TypedActivities {

	private final ActivityRepository activities;

	private final Activities reads;

	TypedActivities(ActivityRepository activities, Activities reads) {
		this.activities = activities;
		this.reads = reads;
	}

	/**
	 * Locks the activity for a change and refuses one of another type or cancelled. The lock makes changes
	 * to one activity, and its cancellation, happen one after the other.
	 */
	ActivityView open(long activityId, ActivityType type) {
		if (!activities.lock(activityId)) {
			throw new NotFoundException("Activity " + activityId + " does not exist.");
		}
		ActivityView activity = ofType(activityId, type);
		if (activity.status() == ActivityStatus.CANCELLED) {
			throw new ConflictException("Activity " + activityId + " is CANCELLED; nothing more is recorded for it.");
		}
		return activity;
	}

	/** The activity to read the step's record of; 409 when it is of another type. */
	ActivityView ofType(long activityId, ActivityType type) {
		ActivityView activity = reads.find(activityId);
		if (activity.type() != type) {
			throw new ConflictException("Activity " + activityId + " is " + article(activity.type()) + " "
					+ activity.type() + " activity, not " + article(type) + " " + type + ".");
		}
		return activity;
	}

	private static String article(ActivityType type) {
		return type == ActivityType.ADVISORY_SERVICES || type == ActivityType.EXPERT_MEETING ? "an" : "a";
	}

}
