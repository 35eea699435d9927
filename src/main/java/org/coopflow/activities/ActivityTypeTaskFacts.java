package org.coopflow.activities;

import java.util.LinkedHashMap;
import java.util.Map;

import org.coopflow.programmes.ActivityType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What a task form of an activity shows of its type-specific step, read-only, in words. */
@Component
@Transactional(readOnly = true)
class ActivityTypeTaskFacts {

	private final Activities activities;

	private final SurveySupport surveys;

	private final ExpertMeetings meetings;

	ActivityTypeTaskFacts(Activities activities, SurveySupport surveys, ExpertMeetings meetings) {
		this.activities = activities;
		this.surveys = surveys;
		this.meetings = meetings;
	}

	/**
	 * {@code surveySummary} for a SURVEY_SUPPORT activity, {@code meetingParticipants} for an
	 * EXPERT_MEETING; nothing for other types.
	 */
	Map<String, Object> of(long activityId) {
		ActivityView activity = activities.find(activityId);
		Map<String, Object> facts = new LinkedHashMap<>();
		if (activity.type() == ActivityType.SURVEY_SUPPORT) {
			facts.put("surveySummary", surveys.inWords(surveys.survey(activityId)));
		}
		else if (activity.type() == ActivityType.EXPERT_MEETING) {
			facts.put("meetingParticipants", ExpertMeetings.inWords(meetings.meeting(activityId)));
		}
		return facts;
	}

}
