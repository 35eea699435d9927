package org.coopflow.programmes;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.shared.PageView;
import org.coopflow.reference.Office;
import org.coopflow.security.CoopflowUser;
import org.coopflow.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programmes")
@Tag(name = "Programmes")
class ProgrammeController {

	private final ProgrammeService programmes;

	private final ProgrammeFunding funding;

	ProgrammeController(ProgrammeService programmes, ProgrammeFunding funding) {
		this.programmes = programmes;
		this.funding = funding;
	}

	// drafts are validated in ProgrammeDraftCheck, field formats and business rules together, so that
	// a person sees every problem at once

	@PostMapping
	@Operation(summary = "Create a draft programme for the signed-in officer's office")
	ResponseEntity<ProgrammeView> create(@AuthenticationPrincipal CoopflowUser user,
			@RequestBody ProgrammeDraft draft) {
		ProgrammeView created = programmes.create(user, draft);
		return ResponseEntity.created(URI.create("/api/programmes/" + created.id()))
			.eTag(etag(created))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "Search both offices' portfolios; donors see only programmes open for funding")
	PageView<ProgrammeView> search(@AuthenticationPrincipal CoopflowUser user,
			@RequestParam(required = false) Office office, @RequestParam(required = false) String country,
			@RequestParam(required = false) String standard, @RequestParam(required = false) Set<ProgrammeStatus> status,
			@RequestParam(required = false) String text, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		var found = programmes.search(user, new ProgrammeFilter(office, country, standard, status, text), page, size);
		return PageView.of(found.content(), page, size, found.totalElements());
	}

	@GetMapping("/{id}")
	ResponseEntity<ProgrammeView> get(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		ProgrammeView programme = programmes.get(user, id);
		return ResponseEntity.ok().eTag(etag(programme)).body(programme);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a draft; send the version read, as If-Match or as 'version' in the body")
	ResponseEntity<ProgrammeView> update(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ProgrammeDraft draft) {
		ProgrammeView updated = programmes.update(user, id, ETags.expectedVersion(ifMatch, draft.version(), "programme"), draft);
		return ResponseEntity.ok().eTag(etag(updated)).body(updated);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Every change of the programme: who changed what, and when")
	List<ProgrammeChange> history(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		return programmes.history(user, id);
	}

	@GetMapping("/{id}/funding")
	@Operation(summary = "Budget, pledged, committed, received and gap, in the programme currency and in USD")
	FundingStatus funding(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		return funding.status(user, id);
	}

	private static String etag(ProgrammeView programme) {
		return ETags.of(programme.version());
	}

}
