package org.coopflow.programmes;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.security.CoopflowUser;
import org.coopflow.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Programmes")
class ProposalSubmissionController {

	private final ProposalSubmission submission;

	ProposalSubmissionController(ProposalSubmission submission) {
		this.submission = submission;
	}

	@PostMapping("/api/programmes/{id}/submission")
	@Operation(summary = "Submit a draft as a funding proposal: screening for overlaps, then review in Tasklist")
	ResponseEntity<ProgrammeView> submit(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		ProgrammeView submitted = submission.submit(user, id);
		return ResponseEntity.created(URI.create("/api/programmes/" + id + "/submission"))
			.eTag(ETags.of(submitted.version()))
			.body(submitted);
	}

}
