package org.coopflow.activities;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.coopflow.security.CoopflowUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The type-specific steps of an activity as sub-resources: the translated edition of the Compendium,
 * the questionnaires of a survey and their replies, the participants and funding of an expert meeting.
 * Everyone who may read the activity reads them (donors: of programmes their pledges fund); only
 * officers of the programme's office record them.
 */
@RestController
@Tag(name = "Activities")
class ActivityTypeDetailsController {

	private final ActivityAccess activities;

	private final TranslatedEditions editions;

	private final SurveySupport surveys;

	private final ExpertMeetings meetings;

	private final ObjectMapper json;

	ActivityTypeDetailsController(ActivityAccess activities, TranslatedEditions editions, SurveySupport surveys,
			ExpertMeetings meetings, ObjectMapper json) {
		this.activities = activities;
		this.editions = editions;
		this.surveys = surveys;
		this.meetings = meetings;
		this.json = json;
	}

	// --- COMPENDIUM_TRANSLATION -----------------------------------------------------------------------

	@PutMapping("/api/activities/{id}/translated-edition")
	@Operation(summary = "Record the Compendium edition a translation activity produced (ISO 639-1 language, Member "
			+ "State, title, publishedOn, link), or correct it")
	EditionView recordEdition(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestBody EditionRequest edition) {
		activities.writable(user, id, "record translated editions");
		return editions.record(id, edition, user.getUsername());
	}

	@GetMapping("/api/activities/{id}/translated-edition")
	EditionView edition(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		activities.readable(user, id);
		return editions.of(id)
			.orElseThrow(() -> new NotFoundException("No translated edition is recorded for activity " + id + " yet."));
	}

	// --- SURVEY_SUPPORT -------------------------------------------------------------------------------

	@PostMapping("/api/activities/{id}/survey/requests")
	@Operation(summary = "Record that Member States were asked about standards: one {memberState, standard, askedOn} "
			+ "or a list of them (all or none); a pair asked before keeps its first date. 201 when any is new.")
	ResponseEntity<SurveyView> ask(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestBody JsonNode body) {
		activities.writable(user, id, "record questionnaires");
		SurveySupport.Asked asked = body.isArray()
				? surveys.askMemberStates(id, items(body, SurveyRequest.class), user.getUsername())
				: surveys.askMemberState(id, item(body, SurveyRequest.class, ""), user.getUsername());
		return ResponseEntity.status(asked.added() > 0 ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/activities/" + id + "/survey"))
			.body(asked.survey());
	}

	@PutMapping("/api/activities/{id}/survey/requests/{memberState}/{standard}/reply")
	@Operation(summary = "Record a Member State's reply to the questionnaire on a standard: {repliedOn, summary}")
	SurveyView reply(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id, @PathVariable String memberState,
			@PathVariable String standard, @RequestBody SurveyReply reply) {
		activities.writable(user, id, "record survey replies");
		return surveys.recordReply(id, memberState, standard, reply, user.getUsername());
	}

	@GetMapping("/api/activities/{id}/survey")
	@Operation(summary = "Every questionnaire with its status and reminders, and per standard: asked, replied, "
			+ "outstanding and the replies' summaries")
	SurveyView survey(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		activities.readable(user, id);
		SurveyView survey = surveys.survey(id);
		return user.getRole() == org.coopflow.security.Role.DONOR ? survey.withoutContacts() : survey;
	}

	// --- EXPERT_MEETING -------------------------------------------------------------------------------

	@PostMapping("/api/activities/{id}/meeting/participants")
	@Operation(summary = "Add experts to a meeting: one {name, country, affiliation, personalCapacity} or a list; "
			+ "experts serve in their personal capacity, so personalCapacity must be true")
	ResponseEntity<MeetingView> addParticipants(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestBody JsonNode body) {
		activities.writable(user, id, "record meeting participants");
		MeetingView meeting = body.isArray()
				? meetings.addParticipants(id, items(body, ParticipantRequest.class), user.getUsername())
				: meetings.addParticipant(id, item(body, ParticipantRequest.class, ""), user.getUsername());
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/activities/" + id + "/meeting"))
			.body(meeting);
	}

	@PutMapping("/api/activities/{id}/meeting/funding")
	@Operation(summary = "Record the extrabudgetary funding of an expert meeting: {amount, currency, source}")
	MeetingView recordFunding(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestBody MeetingFundingRequest funding) {
		activities.writable(user, id, "record meeting funding");
		return meetings.recordFunding(id, funding, user.getUsername());
	}

	@GetMapping("/api/activities/{id}/meeting")
	@Operation(summary = "The meeting's participants, its funding and the experts' report")
	MeetingView meeting(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		activities.readable(user, id);
		return meetings.meeting(id);
	}

	// --- a body that is one item or a list of them ------------------------------------------------------

	private <T> List<T> items(JsonNode array, Class<T> type) {
		List<T> items = new ArrayList<>();
		List<org.coopflow.shared.InvalidField> errors = new ArrayList<>();
		for (int i = 0; i < array.size(); i++) {
			try {
				items.add(item(array.get(i), type, "[" + i + "]"));
			}
			catch (InvalidInputException e) {
				errors.addAll(e.errors());
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return items;
	}

	private <T> T item(JsonNode node, Class<T> type, String at) {
		if (!node.isObject()) {
			throw new InvalidInputException(at.isEmpty() ? "body" : at, "must be an object or a list of objects");
		}
		try {
			return json.treeToValue(node, type);
		}
		catch (JsonMappingException e) {
			String path = e.getPath()
				.stream()
				.map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining());
			String field = (at + path).replaceFirst("^\\.", "");
			throw new InvalidInputException(field.isEmpty() ? "body" : field,
					e instanceof UnrecognizedPropertyException ? "is not a field of this request"
							: "has a value of the wrong type or format");
		}
		catch (JsonProcessingException e) {
			throw new InvalidInputException(at.isEmpty() ? "body" : at, "is not a valid request");
		}
	}

}
