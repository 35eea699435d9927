package org.coopflow.activities;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.security.CoopflowUser;
import org.coopflow.web.ETags;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Activities")
class ActivityController {

	private final Activities activities;

	private final ActivityPlanning planning;

	private final Expenditures expenditures;

	ActivityController(Activities activities, ActivityPlanning planning, Expenditures expenditures) {
		this.activities = activities;
		this.planning = planning;
		this.expenditures = expenditures;
	}

	// drafts and requests are validated in the use cases (ActivityPlanning, Expenditures), field formats
	// and business rules together, so that a person sees every problem at once

	@GetMapping("/api/programmes/{programmeId}/activities")
	@Operation(summary = "The activities of a funded programme; donors see those of programmes their pledges fund")
	List<ActivityView> ofProgramme(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId) {
		return activities.ofProgramme(user, programmeId);
	}

	@PostMapping("/api/programmes/{programmeId}/activities")
	@Operation(summary = "Plan an activity of a FUNDED programme, while its implementation is being planned")
	ResponseEntity<ActivityView> create(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId,
			@RequestBody ActivityDraft draft) {
		ActivityView created = planning.create(user, programmeId, draft);
		return ResponseEntity.created(URI.create("/api/activities/" + created.id())).eTag(etag(created)).body(created);
	}

	@GetMapping("/api/activities/{id}")
	ResponseEntity<ActivityView> get(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		ActivityView activity = activities.get(user, id);
		return ResponseEntity.ok().eTag(etag(activity)).body(activity);
	}

	@PutMapping("/api/activities/{id}")
	@Operation(summary = "Replace a PLANNED activity; send the version read, as If-Match or as 'version' in the body")
	ResponseEntity<ActivityView> update(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ActivityDraft draft) {
		ActivityView updated = planning.update(user, id, ETags.expectedVersion(ifMatch, draft.version(), "activity"), draft);
		return ResponseEntity.ok().eTag(etag(updated)).body(updated);
	}

	@PutMapping("/api/activities/{id}/cancellation")
	@Operation(summary = "Cancel a planned or running activity, with the reason donors will read")
	ActivityView cancel(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestBody CancellationRequest request) {
		return planning.cancel(user, id, request.reason());
	}

	@PostMapping("/api/activities/{id}/documents")
	@Operation(summary = "Record a document the activity produced (title, ISO 639-1 language, link)")
	ResponseEntity<ActivityView> addDocument(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestBody DocumentRequest document) {
		return ResponseEntity.status(HttpStatus.CREATED).body(planning.addDocument(user, id, document));
	}

	@GetMapping("/api/activities/{id}/expenditures")
	List<ExpenditureView> expenditures(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		return expenditures.of(user, id);
	}

	@PostMapping("/api/activities/{id}/expenditures")
	@Operation(summary = "Record spending on the activity, in the programme currency; beyond the funds received only "
			+ "with an officer's overrideReason. An Idempotency-Key makes a retry safe.")
	ResponseEntity<ExpenditureView> recordExpenditure(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody ExpenditureRequest request) {
		Expenditures.Recorded recorded = expenditures.record(user, id, request, idempotencyKey);
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/activities/" + id + "/expenditures/" + recorded.expenditure().id()))
			.body(recorded.expenditure());
	}

	private static String etag(ActivityView activity) {
		return ETags.of(activity.version());
	}

}
