package org.coopflow.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.coopflow.activities.ActivityEvents.SurveyRepliesOutstanding;
import org.coopflow.programmes.ActivityType;
import org.coopflow.reference.Amounts;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Standard;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.reference.ReferenceCodes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the type-specific steps of an activity record (ECOSOC resolution 1997/32): the translated
 * edition of the Compendium (para. 1), the questionnaires sent to Member States and their replies
 * (paras. 3 and 4), and the meeting of government experts on the draft minimum rules (para. 7). Who may
 * call is checked by the callers (the REST API through {@link ActivityService#writable}, the process by
 * its candidate groups); here every change is refused for an activity of another type (409) or one
 * that was cancelled (409), and every bad field is named at once (400) with nothing changed.
 * <p>
 * Each change locks the activity row first, so that changes to one activity, and its cancellation,
 * happen one after the other.
 */
@Service
@Transactional
public class ActivityTypeDetails {

	static final int ANSWER_MAX = 4000;

	static final int SUMMARY_MAX = 8000;

	private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

	private final ActivityTypeDetailsRepository details;

	private final ActivityService activities;

	private final ReferenceCodes referenceCodes;

	private final ApplicationEventPublisher events;

	private final Validator validator;

	private final StandardsCatalogue standards;

	ActivityTypeDetails(ActivityTypeDetailsRepository details, ActivityService activities, ReferenceCodes referenceCodes,
			ApplicationEventPublisher events, Validator validator, StandardsCatalogue standards) {
		this.details = details;
		this.standards = standards;
		this.activities = activities;
		this.referenceCodes = referenceCodes;
		this.events = events;
		this.validator = validator;
	}

	/** The outcome of asking Member States: the survey after it, and how many requests were new. */
	public record Asked(SurveyView survey, int added) {
	}

	// --- COMPENDIUM_TRANSLATION -----------------------------------------------------------------------

	/** Records the edition of the Compendium the activity produced, or corrects the one recorded. */
	public EditionView recordTranslatedEdition(long activityId, EditionRequest edition, String by) {
		open(activityId, ActivityType.COMPENDIUM_TRANSLATION);
		List<InvalidField> errors = violations(edition, i -> "");
		if (edition.language() != null && edition.language().matches("[a-z]{2}") && !LANGUAGES.contains(edition.language())) {
			errors.add(new InvalidField("language", "'" + edition.language() + "' is not an ISO 639-1 language code"));
		}
		if (edition.memberState() != null && edition.memberState().matches("[A-Z]{2}")
				&& !referenceCodes.snapshot().isCountry(edition.memberState())) {
			errors.add(new InvalidField("memberState", "'" + edition.memberState() + "' is not an ISO 3166-1 country code"));
		}
		if (edition.publishedOn() != null && edition.publishedOn().isAfter(today())) {
			errors.add(new InvalidField("publishedOn", "must not be in the future; record the date once it is published"));
		}
		throwIfAny(errors);
		EditionRequest cleaned = new EditionRequest(edition.language(), edition.memberState(), edition.title().strip(),
				edition.publishedOn(), blankToNull(edition.link()));
		details.saveEdition(activityId, cleaned, by, now());
		return details.edition(activityId).orElseThrow();
	}

	/** The edition recorded for a COMPENDIUM_TRANSLATION activity, if any yet. */
	@Transactional(readOnly = true)
	public Optional<EditionView> edition(long activityId) {
		ofType(activityId, ActivityType.COMPENDIUM_TRANSLATION);
		return details.edition(activityId);
	}

	// --- SURVEY_SUPPORT -------------------------------------------------------------------------------

	/** Records that a Member State was asked about a standard; one asked before keeps its first date. */
	public Asked askMemberState(long activityId, SurveyRequest request, String by) {
		return ask(activityId, List.of(request), i -> "", by);
	}

	/** As {@link #askMemberState}, for several at once: all or none; fields are named {@code [i].memberState}. */
	public Asked askMemberStates(long activityId, List<SurveyRequest> requests, String by) {
		return ask(activityId, requests, i -> "[" + i + "].", by);
	}

	private Asked ask(long activityId, List<SurveyRequest> requests, IntFunction<String> prefix, String by) {
		ActivityView activity = open(activityId, ActivityType.SURVEY_SUPPORT);
		if (requests == null || requests.isEmpty()) {
			throw new InvalidInputException("memberState", "name at least one Member State and the standard it was asked about");
		}
		ReferenceCodes.Snapshot codes = referenceCodes.snapshot();
		List<InvalidField> errors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		List<SurveyRequest> cleaned = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			SurveyRequest request = requests.get(i);
			String at = prefix.apply(i);
			if (request == null) {
				errors.add(new InvalidField(at.isEmpty() ? "request" : at.substring(0, at.length() - 1), "must not be null"));
				continue;
			}
			errors.addAll(violations(request, n -> at));
			if (request.memberState() != null && request.memberState().matches("[A-Z]{2}")
					&& !codes.isCountry(request.memberState())) {
				errors.add(new InvalidField(at + "memberState", "'" + request.memberState() + "' is not an ISO 3166-1 country code"));
			}
			if (request.standard() != null && !request.standard().isBlank()) {
				if (!activity.standards().isEmpty() && !activity.standards().contains(request.standard())) {
					errors.add(new InvalidField(at + "standard", "'" + request.standard()
							+ "' is not one of the standards of the activity " + activity.standards()));
				}
				else if (!codes.isStandard(request.standard())) {
					errors.add(new InvalidField(at + "standard", "'" + request.standard()
							+ "' is not in the standards catalogue (GET /api/standards)"));
				}
			}
			if (request.askedOn() != null && request.askedOn().isAfter(today())) {
				errors.add(new InvalidField(at + "askedOn", "must not be in the future; record a questionnaire once it is sent"));
			}
			if (request.memberState() != null && request.standard() != null
					&& !seen.add(request.memberState() + "/" + request.standard())) {
				errors.add(new InvalidField(at + "memberState", request.memberState() + " is asked about "
						+ request.standard() + " twice in this request"));
			}
			cleaned.add(new SurveyRequest(request.memberState(), request.standard(),
					request.askedOn() == null ? today() : request.askedOn(),
					request.contactEmail() == null ? null : request.contactEmail().strip()));
		}
		throwIfAny(errors);
		int added = 0;
		for (SurveyRequest request : cleaned) {
			if (details.addSurveyRequest(activityId, request, by)) {
				added++;
			}
		}
		return new Asked(survey(activityId), added);
	}

	/** Records (or corrects) a Member State's reply to the questionnaire on a standard. */
	public SurveyView recordReply(long activityId, String memberState, String standard, SurveyReply reply, String by) {
		open(activityId, ActivityType.SURVEY_SUPPORT);
		SurveyView.Request asked = details.surveyRequests(activityId)
			.stream()
			.filter(r -> r.memberState().equals(memberState) && r.standard().equals(standard))
			.findFirst()
			.orElseThrow(() -> new NotFoundException(
					memberState + " was not asked about " + standard + " in activity " + activityId + "."));
		List<InvalidField> errors = violations(reply, i -> "");
		if (reply.repliedOn() != null && reply.repliedOn().isAfter(today())) {
			errors.add(new InvalidField("repliedOn", "must not be in the future; record a reply once it arrives"));
		}
		if (reply.repliedOn() != null && reply.repliedOn().isBefore(asked.askedOn())) {
			errors.add(new InvalidField("repliedOn", "must not be before the questionnaire was sent (" + asked.askedOn() + ")"));
		}
		throwIfAny(errors);
		details.recordReply(activityId, memberState, standard, reply, blankToNull(reply.summary()), by);
		return survey(activityId);
	}

	/**
	 * Counts a reminder for every questionnaire still without a reply, and publishes
	 * {@link SurveyRepliesOutstanding} with the Member States reminded (each once); none when all replied.
	 */
	public List<String> remindNonRespondents(long activityId) {
		ActivityView activity = open(activityId, ActivityType.SURVEY_SUPPORT);
		java.time.Instant round = now();
		List<String> memberStates = details.remindNonRespondents(activityId, round);
		if (!memberStates.isEmpty()) {
			events.publishEvent(new SurveyRepliesOutstanding(activityId, activity.programmeId(), activity.office(),
					memberStates, round));
		}
		return memberStates;
	}

	/** Every questionnaire of a SURVEY_SUPPORT activity, and a summary per standard. */
	@Transactional(readOnly = true)
	public SurveyView survey(long activityId) {
		ofType(activityId, ActivityType.SURVEY_SUPPORT);
		List<SurveyView.Request> requests = details.surveyRequests(activityId);
		Map<String, List<SurveyView.Request>> byStandard = new TreeMap<>(
				requests.stream().collect(Collectors.groupingBy(SurveyView.Request::standard)));
		List<SurveyView.StandardSummary> standards = new ArrayList<>();
		byStandard.forEach((standard, asked) -> {
			List<String> outstanding = asked.stream()
				.filter(r -> r.status() == SurveyView.Status.OUTSTANDING)
				.map(SurveyView.Request::memberState)
				.toList();
			List<SurveyView.Reply> replies = asked.stream()
				.filter(r -> r.status() == SurveyView.Status.REPLIED)
				.map(r -> new SurveyView.Reply(r.memberState(), r.repliedOn(), r.replySummary()))
				.toList();
			standards.add(new SurveyView.StandardSummary(standard, asked.size(), replies.size(), outstanding.size(),
					outstanding, replies));
		});
		return new SurveyView(activityId, requests, standards);
	}

	/**
	 * The questionnaires may be closed ("Collect survey replies" completed) once at least one Member
	 * State was asked: a survey that asked nobody has nothing to collect.
	 */
	public SurveyView surveyCollected(long activityId) {
		open(activityId, ActivityType.SURVEY_SUPPORT);
		SurveyView survey = survey(activityId);
		if (survey.requests().isEmpty()) {
			throw new InvalidInputException("surveyRequests", "no Member State was asked about any standard; record "
					+ "the questionnaires sent (POST /api/activities/" + activityId + "/survey/requests) first");
		}
		return survey;
	}

	// --- EXPERT_MEETING -------------------------------------------------------------------------------

	public MeetingView addParticipant(long activityId, ParticipantRequest participant, String by) {
		return addParticipants(activityId, List.of(participant), i -> "", by);
	}

	/** Several experts at once: all or none; fields are named {@code [i].name}. */
	public MeetingView addParticipants(long activityId, List<ParticipantRequest> participants, String by) {
		return addParticipants(activityId, participants, i -> "[" + i + "].", by);
	}

	private MeetingView addParticipants(long activityId, List<ParticipantRequest> participants,
			IntFunction<String> prefix, String by) {
		open(activityId, ActivityType.EXPERT_MEETING);
		if (participants == null || participants.isEmpty()) {
			throw new InvalidInputException("name", "name at least one expert");
		}
		ReferenceCodes.Snapshot codes = referenceCodes.snapshot();
		Set<String> known = new HashSet<>();
		details.participants(activityId).forEach(p -> known.add(key(p.name(), p.country())));
		List<InvalidField> errors = new ArrayList<>();
		List<ParticipantRequest> cleaned = new ArrayList<>();
		for (int i = 0; i < participants.size(); i++) {
			ParticipantRequest participant = participants.get(i);
			String at = prefix.apply(i);
			if (participant == null) {
				errors.add(new InvalidField(at.isEmpty() ? "participant" : at.substring(0, at.length() - 1), "must not be null"));
				continue;
			}
			errors.addAll(violations(participant, n -> at));
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
		throwIfAny(errors);
		for (ParticipantRequest participant : cleaned) {
			details.addParticipant(activityId, participant, by, now());
		}
		return meeting(activityId);
	}

	/** Records (or corrects) the extrabudgetary resources that pay for the meeting. */
	public MeetingView recordMeetingFunding(long activityId, MeetingFundingRequest funding, String by) {
		open(activityId, ActivityType.EXPERT_MEETING);
		List<InvalidField> errors = violations(funding, i -> "");
		ReferenceCodes.Snapshot codes = referenceCodes.snapshot();
		if (funding.currency() != null && funding.currency().matches("[A-Z]{3}")) {
			int minorUnits = codes.minorUnits(funding.currency());
			if (!codes.isCurrency(funding.currency()) || minorUnits < 0) {
				errors.add(new InvalidField("currency", "'" + funding.currency() + "' is not an ISO 4217 currency of money"));
			}
			else if (funding.amount() != null && funding.amount().stripTrailingZeros().scale() > minorUnits) {
				errors.add(new InvalidField("amount", funding.currency() + " has " + minorUnits + " decimal places"));
			}
		}
		if (funding.amount() != null && funding.amount().signum() > 0
				&& funding.amount().setScale(0, java.math.RoundingMode.DOWN).precision() > 16) {
			errors.add(new InvalidField("amount", "must be less than 10^16"));
		}
		throwIfAny(errors);
		details.saveFunding(activityId, new MeetingFundingRequest(funding.amount(), funding.currency(),
				funding.source().strip()), by, now());
		return meeting(activityId);
	}

	/**
	 * Records the experts' report: the answers to the three questions of para. 7, and a summary. Refused
	 * until the meeting has its participants and its funding, so that a report never stands without
	 * the meeting it reports on.
	 */
	public MeetingView recordMeetingReport(long activityId, MeetingReportAnswers answers, String summary, String by) {
		open(activityId, ActivityType.EXPERT_MEETING);
		MeetingReportAnswers given = answers == null ? new MeetingReportAnswers(null, null, null) : answers;
		List<InvalidField> errors = new ArrayList<>();
		answer(errors, "answerDuplication", given.duplication(),
				"whether the draft rules duplicate or contradict existing United Nations standards and norms");
		answer(errors, "answerNecessity", given.necessity(), "whether such an instrument is necessary");
		answer(errors, "answerLegalSystems", given.legalSystems(),
				"how the draft rules take account of the diversity of legal systems");
		String cleanedSummary = blankToNull(summary);
		if (cleanedSummary != null && cleanedSummary.length() > SUMMARY_MAX) {
			errors.add(new InvalidField("meetingSummary", "must be at most " + SUMMARY_MAX + " characters"));
		}
		if (details.participants(activityId).isEmpty()) {
			errors.add(new InvalidField("participants", "add the experts who took part before recording the report"));
		}
		if (details.funding(activityId).isEmpty()) {
			errors.add(new InvalidField("funding",
					"record the extrabudgetary resources that paid for the meeting before recording the report"));
		}
		throwIfAny(errors);
		details.saveReport(activityId, new MeetingReportAnswers(given.duplication().strip(), given.necessity().strip(),
				given.legalSystems().strip()), cleanedSummary, by, now());
		return meeting(activityId);
	}

	/** Participants, funding and report of an EXPERT_MEETING activity. */
	@Transactional(readOnly = true)
	public MeetingView meeting(long activityId) {
		ofType(activityId, ActivityType.EXPERT_MEETING);
		return new MeetingView(activityId, details.participants(activityId), details.funding(activityId).orElse(null),
				details.report(activityId).orElse(null));
	}

	// --- task forms -----------------------------------------------------------------------------------

	/**
	 * Read-only facts a task form of the activity shows: {@code surveySummary} for a SURVEY_SUPPORT
	 * activity, {@code meetingParticipants} for an EXPERT_MEETING; nothing for other types.
	 */
	@Transactional(readOnly = true)
	public Map<String, Object> taskFacts(long activityId) {
		ActivityView activity = activities.find(activityId);
		Map<String, Object> facts = new LinkedHashMap<>();
		if (activity.type() == ActivityType.SURVEY_SUPPORT) {
			facts.put("surveySummary", surveySummary(survey(activityId)));
		}
		else if (activity.type() == ActivityType.EXPERT_MEETING) {
			facts.put("meetingParticipants", meetingParticipants(meeting(activityId)));
		}
		return facts;
	}

	/** In words: the standards by title, the Member States by name. */
	String surveySummary(SurveyView survey) {
		if (survey.standards().isEmpty()) {
			return "No Member State has been asked about a standard yet.";
		}
		return survey.standards()
			.stream()
			.map(s -> standards.find(s.standard()).map(Standard::title).orElse(s.standard()) + ": asked " + s.asked()
					+ ", replied " + s.replied() + ", outstanding " + s.outstanding()
					+ (s.outstanding() == 0 ? ""
							: " (" + s.outstandingMemberStates().stream().map(CountryNames::name).collect(Collectors.joining(", "))
									+ ")"))
			.collect(Collectors.joining("\n"));
	}

	static String meetingParticipants(MeetingView meeting) {
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

	// --- helpers --------------------------------------------------------------------------------------

	/** Locks the activity and refuses one of another type or cancelled. */
	private ActivityView open(long activityId, ActivityType type) {
		if (!details.lockActivity(activityId)) {
			throw new NotFoundException("Activity " + activityId + " does not exist.");
		}
		ActivityView activity = ofType(activityId, type);
		if (activity.status() == ActivityStatus.CANCELLED) {
			throw new ConflictException("Activity " + activityId + " is CANCELLED; nothing more is recorded for it.");
		}
		return activity;
	}

	private ActivityView ofType(long activityId, ActivityType type) {
		ActivityView activity = activities.find(activityId);
		if (activity.type() != type) {
			throw new ConflictException("Activity " + activityId + " is " + article(activity.type()) + " "
					+ activity.type() + " activity, not " + article(type) + " " + type + ".");
		}
		return activity;
	}

	private static String article(ActivityType type) {
		return type == ActivityType.ADVISORY_SERVICES || type == ActivityType.EXPERT_MEETING ? "an" : "a";
	}

	private static void answer(List<InvalidField> errors, String field, String value, String question) {
		if (value == null || value.isBlank()) {
			errors.add(new InvalidField(field, "is required: say " + question + " (resolution 1997/32, para. 7)"));
		}
		else if (value.strip().length() > ANSWER_MAX) {
			errors.add(new InvalidField(field, "must be at most " + ANSWER_MAX + " characters"));
		}
	}

	private List<InvalidField> violations(Object request, IntFunction<String> prefix) {
		String at = prefix.apply(0);
		List<InvalidField> errors = new ArrayList<>();
		validator.validate(request)
			.stream()
			.sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
			.forEach(violation -> errors.add(new InvalidField(at + violation.getPropertyPath(), violation.getMessage())));
		return errors;
	}

	private static void throwIfAny(List<InvalidField> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private static String key(String name, String country) {
		return name.strip().toLowerCase(Locale.ROOT) + "/" + country;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * The engine's clock, as for the process that carries the activities out: a process test that moves
	 * the clock sees "today" move with it.
	 */
	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	private static LocalDate today() {
		return LocalDate.ofInstant(now(), ZoneOffset.UTC);
	}

}
