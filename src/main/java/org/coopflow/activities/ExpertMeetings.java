package org.coopflow.activities;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

import org.coopflow.programmes.ActivityType;
import org.coopflow.reference.Amounts;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Currencies;
import org.coopflow.reference.ReferenceCodes;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meeting of government experts an EXPERT_MEETING activity holds on the draft minimum rules
 * (resolution 1997/32, para. 7): the experts, serving in their personal capacity, the extrabudgetary
 * resources that pay for it, and the experts' report answering the paragraph's three questions.
 */
@Service
@Transactional
class ExpertMeetings {

	static final int ANSWER_MAX = 4000;

	static final int SUMMARY_MAX = 8000;

	private final ExpertMeetingRepository meetings;

	private final TypedActivities activities;

	private final ReferenceCodes referenceCodes;

	private final RequestChecks checks;

	private final Currencies currencies;

	private final Clock clock;

	ExpertMeetings(ExpertMeetingRepository meetings, TypedActivities activities, ReferenceCodes referenceCodes,
			RequestChecks checks, Currencies currencies, Clock clock) {
		this.clock = clock;
		this.meetings = meetings;
		this.activities = activities;
		this.referenceCodes = referenceCodes;
		this.checks = checks;
		this.currencies = currencies;
	}

	public MeetingView addParticipant(long activityId, ParticipantRequest participant, String by) {
		return addParticipants(activityId, List.of(participant), i -> "", by);
	}

	/** Several experts at once: all or none; fields are named {@code [i].name}. */
	public MeetingView addParticipants(long activityId, List<ParticipantRequest> participants, String by) {
		return addParticipants(activityId, participants, i -> "[" + i + "].", by);
	}

	private MeetingView addParticipants(long activityId, List<ParticipantRequest> participants,
			IntFunction<String> prefix, String by) {
		activities.open(activityId, ActivityType.EXPERT_MEETING);
		if (participants == null || participants.isEmpty()) {
			throw new InvalidInputException("name", "name at least one expert");
		}
		ReferenceCodes.Snapshot codes = referenceCodes.snapshot();
		Set<String> known = new HashSet<>();
		meetings.participants(activityId).forEach(p -> known.add(key(p.name(), p.country())));
		List<InvalidField> errors = new ArrayList<>();
		List<ParticipantRequest> cleaned = new ArrayList<>();
		for (int i = 0; i < participants.size(); i++) {
			ParticipantRequest participant = participants.get(i);
			String at = prefix.apply(i);
			if (participant == null) {
				errors.add(new InvalidField(at.isEmpty() ? "participant" : at.substring(0, at.length() - 1), "must not be null"));
				continue;
			}
			errors.addAll(checks.violations(participant, at));
			if (participant.country() != null && participant.country().matches("[A-Z]{2}")
					&& !codes.isCountry(participant.country())) {
				errors.add(new InvalidField(at + "country", "'" + participant.country() + "' is not an ISO 3166-1 country code"));
			}
			if (!Boolean.TRUE.equals(participant.personalCapacity())) {
				errors.add(new InvalidField(at + "personalCapacity", "must be true: the experts serve in their personal "
						+ "capacity, not as representatives of their Government (resolution 1997/32, para. 7)"));
			}
			if (participant.name() != null && !participant.name().isBlank()
					&& !known.add(key(participant.name(), participant.country()))) {
				errors.add(new InvalidField(at + "name", participant.name().strip() + " (" + participant.country()
						+ ") is already a participant of the meeting"));
			}
			if (participant.name() != null && participant.affiliation() != null) {
				cleaned.add(new ParticipantRequest(participant.name().strip(), participant.country(),
						participant.affiliation().strip(), participant.personalCapacity()));
			}
		}
		RequestChecks.throwIfAny(errors);
		for (ParticipantRequest participant : cleaned) {
			meetings.add(activityId, participant, by, clock.instant());
		}
		return meeting(activityId);
	}

	/** Records (or corrects) the extrabudgetary resources that pay for the meeting. */
	public MeetingView recordFunding(long activityId, MeetingFundingRequest funding, String by) {
		activities.open(activityId, ActivityType.EXPERT_MEETING);
		List<InvalidField> errors = checks.violations(funding);
		if (funding.currency() != null && funding.currency().matches("[A-Z]{3}")) {
			if (!currencies.isMoney(funding.currency())) {
				errors.add(new InvalidField("currency", "'" + funding.currency() + "' is not an ISO 4217 currency of money"));
			}
			else {
				currencies.checkDecimals("amount", funding.amount(), funding.currency(), errors);
			}
		}
		if (funding.amount() != null && funding.amount().signum() > 0) {
			Currencies.checkDigits("amount", funding.amount(), 16, errors);
		}
		RequestChecks.throwIfAny(errors);
		meetings.save(activityId, new MeetingFundingRequest(funding.amount(), funding.currency(), funding.source().strip()),
				by, clock.instant());
		return meeting(activityId);
	}

	/**
	 * Records the experts' report: the answers to the three questions of para. 7, and a summary. Refused
	 * until the meeting has its participants and its funding, so that a report never stands without
	 * the meeting it reports on.
	 */
	public MeetingView recordReport(long activityId, MeetingReportAnswers answers, String summary, String by) {
		activities.open(activityId, ActivityType.EXPERT_MEETING);
		MeetingReportAnswers given = answers == null ? new MeetingReportAnswers(null, null, null) : answers;
		List<InvalidField> errors = new ArrayList<>();
		answer(errors, "answerDuplication", given.duplication(),
				"whether the draft rules duplicate or contradict existing United Nations standards and norms");
		answer(errors, "answerNecessity", given.necessity(), "whether such an instrument is necessary");
		answer(errors, "answerLegalSystems", given.legalSystems(),
				"how the draft rules take account of the diversity of legal systems");
		String cleanedSummary = RequestChecks.blankToNull(summary);
		if (cleanedSummary != null && cleanedSummary.length() > SUMMARY_MAX) {
			errors.add(new InvalidField("meetingSummary", "must be at most " + SUMMARY_MAX + " characters"));
		}
		if (meetings.participants(activityId).isEmpty()) {
			errors.add(new InvalidField("participants", "add the experts who took part before recording the report"));
		}
		if (meetings.funding(activityId).isEmpty()) {
			errors.add(new InvalidField("funding",
					"record the extrabudgetary resources that paid for the meeting before recording the report"));
		}
		RequestChecks.throwIfAny(errors);
		meetings.save(activityId, new MeetingReportAnswers(given.duplication().strip(), given.necessity().strip(),
				given.legalSystems().strip()), cleanedSummary, by, clock.instant());
		return meeting(activityId);
	}

	/** Participants, funding and report of an EXPERT_MEETING activity. */
	@Transactional(readOnly = true)
	public MeetingView meeting(long activityId) {
		activities.ofType(activityId, ActivityType.EXPERT_MEETING);
		return new MeetingView(activityId, meetings.participants(activityId),
				meetings.funding(activityId).map(this::inMinorUnits).orElse(null), meetings.report(activityId).orElse(null));
	}

	/** 45000.500 EUR, as stored, reads 45000.50: as many decimals as the currency has. */
	private MeetingView.Funding inMinorUnits(MeetingView.Funding funding) {
		try {
			return new MeetingView.Funding(currencies.inMinorUnits(funding.amount(), funding.currency()),
					funding.currency(), funding.source(), funding.recordedBy(), funding.recordedAt());
		}
		catch (IllegalArgumentException | ArithmeticException e) {
			return funding;
		}
	}

	/** The participants and the funding in words, as a task form shows them. */
	static String inWords(MeetingView meeting) {
		List<String> lines = new ArrayList<>();
		if (meeting.participants().isEmpty()) {
			lines.add("No participant has been added yet.");
		}
		int n = 1;
		for (MeetingView.Participant p : meeting.participants()) {
			lines.add(n++ + ". " + p.name() + " (" + CountryNames.name(p.country()) + "), " + p.affiliation()
					+ ", in a personal capacity");
		}
		MeetingView.Funding funding = meeting.funding();
		lines.add(funding == null ? "Funding: not recorded yet."
				: "Funding: " + Amounts.format(funding.currency(), funding.amount()) + " from " + funding.source() + ".");
		return String.join("\n", lines);
	}

	private static void answer(List<InvalidField> errors, String field, String value, String question) {
		if (value == null || value.isBlank()) {
			errors.add(new InvalidField(field, "is required: say " + question + " (resolution 1997/32, para. 7)"));
		}
		else if (value.strip().length() > ANSWER_MAX) {
			errors.add(new InvalidField(field, "must be at most " + ANSWER_MAX + " characters"));
		}
	}

	private static String key(String name, String country) {
		return name.strip().toLowerCase(Locale.ROOT) + "/" + country;
	}

}
