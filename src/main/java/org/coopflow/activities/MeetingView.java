package org.coopflow.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An expert meeting: who took part, what paid for it, and the experts' report once recorded. */
record MeetingView(long activityId, List<Participant> participants, Funding funding, Report report) {

	public record Participant(long id, String name, String country, String affiliation, boolean personalCapacity,
			String addedBy, Instant addedAt) {
	}

	public record Funding(BigDecimal amount, String currency, String source, String recordedBy, Instant recordedAt) {
	}

	public record Report(String answerDuplication, String answerNecessity, String answerLegalSystems, String summary,
			String recordedBy, Instant recordedAt) {
	}

}
