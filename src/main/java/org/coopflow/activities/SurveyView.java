package org.coopflow.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The questionnaires of a SURVEY_SUPPORT activity: every Member State asked about every standard, and
 * per standard how many were asked, replied and are still outstanding.
 */
@org.springframework.modulith.NamedInterface("api")
public record SurveyView(long activityId, List<Request> requests, List<StandardSummary> standards) {

	/** What a donor reads: the questionnaires without the addresses of other Member States' focal points. */
	SurveyView withoutContacts() {
		return new SurveyView(activityId, requests.stream()
			.map(r -> new Request(r.memberState(), r.standard(), r.askedOn(), r.recordedBy(), r.status(), r.repliedOn(),
					r.replySummary(), r.replyRecordedBy(), r.reminders(), r.lastRemindedAt(), null))
			.toList(), standards);
	}

	@org.springframework.modulith.NamedInterface("api")
	public enum Status {
		OUTSTANDING, REPLIED
	}

	@org.springframework.modulith.NamedInterface("api")
	public record Request(String memberState, String standard, LocalDate askedOn, String recordedBy, Status status,
			LocalDate repliedOn, String replySummary, String replyRecordedBy, int reminders, Instant lastRemindedAt,
			String contactEmail) {
	}

	@org.springframework.modulith.NamedInterface("api")
	public record Reply(String memberState, LocalDate repliedOn, String summary) {
	}

	@org.springframework.modulith.NamedInterface("api")
	public record StandardSummary(String standard, int asked, int replied, int outstanding,
			List<String> outstandingMemberStates, List<Reply> replies) {
	}

}
