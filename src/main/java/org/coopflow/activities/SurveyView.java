package org.coopflow.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The questionnaires of a SURVEY_SUPPORT activity: every Member State asked about every standard, and
 * per standard how many were asked, replied and are still outstanding.
 */
public record SurveyView(long activityId, List<Request> requests, List<StandardSummary> standards) {

	public enum Status {
		OUTSTANDING, REPLIED
	}

	public record Request(String memberState, String standard, LocalDate askedOn, String recordedBy, Status status,
			LocalDate repliedOn, String replySummary, String replyRecordedBy, int reminders, Instant lastRemindedAt) {
	}

	public record Reply(String memberState, LocalDate repliedOn, String summary) {
	}

	public record StandardSummary(String standard, int asked, int replied, int outstanding,
			List<String> outstandingMemberStates, List<Reply> replies) {
	}

}
