package org.coopflow.activities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.coopflow.activities.ActivityEvents.SurveyRepliesOutstanding;
import org.coopflow.programmes.ActivityType;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.ReferenceCodes;
import org.coopflow.reference.Standard;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questionnaires a SURVEY_SUPPORT activity sends to Member States on standards (resolution 1997/32,
 * paras. 3 and 4), their replies, and the reminders to those that have not replied. Every bad field of a
 * request is named at once (400), with nothing recorded.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional
public class SurveySupport {

	private final SurveyRepository surveys;

	private final TypedActivities activities;

	private final ReferenceCodes referenceCodes;

	private final RequestChecks checks;

	private final ApplicationEventPublisher events;

	private final StandardsCatalogue standards;

	private final Clock clock;

	SurveySupport(SurveyRepository surveys, TypedActivities activities, ReferenceCodes referenceCodes,
			RequestChecks checks, ApplicationEventPublisher events, StandardsCatalogue standards, Clock clock) {
		this.clock = clock;
		this.surveys = surveys;
		this.standards = standards;
		this.activities = activities;
		this.referenceCodes = referenceCodes;
		this.checks = checks;
		this.events = events;
	}

	/** The outcome of asking Member States: the survey after it, and how many requests were new. */
	@org.springframework.modulith.NamedInterface("api")
	public record Asked(SurveyView survey, int added) {
	}

	/** Records that a Member State was asked about a standard; one asked before keeps its first date. */
	public Asked askMemberState(long activityId, SurveyRequest request, String by) {
		return ask(activityId, List.of(request), i -> "", by);
	}

	/** As {@link #askMemberState}, for several at once: all or none; fields are named {@code [i].memberState}. */
	public Asked askMemberStates(long activityId, List<SurveyRequest> requests, String by) {
		return ask(activityId, requests, i -> "[" + i + "].", by);
	}

	private Asked ask(long activityId, List<SurveyRequest> requests, IntFunction<String> prefix, String by) {
		ActivityView activity = activities.open(activityId, ActivityType.SURVEY_SUPPORT);
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
			errors.addAll(checks.violations(request, at));
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
			if (request.askedOn() != null && request.askedOn().isAfter(LocalDate.now(clock))) {
				errors.add(new InvalidField(at + "askedOn", "must not be in the future; record a questionnaire once it is sent"));
			}
			if (request.memberState() != null && request.standard() != null
					&& !seen.add(request.memberState() + "/" + request.standard())) {
				errors.add(new InvalidField(at + "memberState", request.memberState() + " is asked about "
						+ request.standard() + " twice in this request"));
			}
			cleaned.add(new SurveyRequest(request.memberState(), request.standard(),
					request.askedOn() == null ? LocalDate.now(clock) : request.askedOn(),
					request.contactEmail() == null ? null : request.contactEmail().strip()));
		}
		RequestChecks.throwIfAny(errors);
		int added = 0;
		for (SurveyRequest request : cleaned) {
			if (surveys.add(activityId, request, by)) {
				added++;
			}
		}
		return new Asked(survey(activityId), added);
	}

	/** Records (or corrects) a Member State's reply to the questionnaire on a standard. */
	public SurveyView recordReply(long activityId, String memberState, String standard, SurveyReply reply, String by) {
		activities.open(activityId, ActivityType.SURVEY_SUPPORT);
		SurveyView.Request asked = surveys.requests(activityId)
			.stream()
			.filter(r -> r.memberState().equals(memberState) && r.standard().equals(standard))
			.findFirst()
			.orElseThrow(() -> new NotFoundException(
					memberState + " was not asked about " + standard + " in activity " + activityId + "."));
		List<InvalidField> errors = checks.violations(reply);
		if (reply.repliedOn() != null && reply.repliedOn().isAfter(LocalDate.now(clock))) {
			errors.add(new InvalidField("repliedOn", "must not be in the future; record a reply once it arrives"));
		}
		if (reply.repliedOn() != null && reply.repliedOn().isBefore(asked.askedOn())) {
			errors.add(new InvalidField("repliedOn", "must not be before the questionnaire was sent (" + asked.askedOn() + ")"));
		}
		RequestChecks.throwIfAny(errors);
		surveys.recordReply(activityId, memberState, standard, reply, RequestChecks.blankToNull(reply.summary()), by);
		return survey(activityId);
	}

	/**
	 * Counts a reminder for every questionnaire still without a reply, and publishes
	 * {@link SurveyRepliesOutstanding} with the Member States reminded (each once); none when all replied.
	 */
	public List<String> remindNonRespondents(long activityId) {
		ActivityView activity = activities.open(activityId, ActivityType.SURVEY_SUPPORT);
		Instant round = clock.instant();
		List<String> memberStates = surveys.remindNonRespondents(activityId, round);
		if (!memberStates.isEmpty()) {
			events.publishEvent(new SurveyRepliesOutstanding(activityId, activity.programmeId(), activity.office(),
					memberStates, round));
		}
		return memberStates;
	}

	/** Every questionnaire of a SURVEY_SUPPORT activity, and a summary per standard. */
	@Transactional(readOnly = true)
	public SurveyView survey(long activityId) {
		activities.ofType(activityId, ActivityType.SURVEY_SUPPORT);
		List<SurveyView.Request> requests = surveys.requests(activityId);
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
		activities.open(activityId, ActivityType.SURVEY_SUPPORT);
		SurveyView survey = survey(activityId);
		if (survey.requests().isEmpty()) {
			throw new InvalidInputException("surveyRequests", "no Member State was asked about any standard; record "
					+ "the questionnaires sent (POST /api/activities/" + activityId + "/survey/requests) first");
		}
		return survey;
	}

	/** In words, as a task form shows it: the standards by title, the Member States by name. */
	String inWords(SurveyView survey) {
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

}
