package org.coopflow.results;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
import org.springframework.web.bind.annotation.RestController;

/**
 * A programme's results framework. An indicator's ETag is its version; a change under it (baseline, period,
 * target, actual) may send it as If-Match, and a stale one is a 412.
 */
@RestController
@RequestMapping("/api/programmes/{programmeId}/results")
@Tag(name = "Results")
class ResultController {

	private static final String INDICATOR = "/{resultId}/indicators/{indicatorId}";

	private final ResultsFramework framework;

	private final ResultPlanning planning;

	private final ActualsRecording actuals;

	ResultController(ResultsFramework framework, ResultPlanning planning, ActualsRecording actuals) {
		this.framework = framework;
		this.planning = planning;
		this.actuals = actuals;
	}

	// requests are validated in the use cases, field formats and business rules together, so that a
	// person sees every problem at once

	@GetMapping
	@Operation(summary = "The programme's results with their indicators, baselines, targets and actuals per period")
	List<ResultView> list(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId) {
		return framework.of(user, programmeId);
	}

	@PostMapping
	@Operation(summary = "Add an outcome or output; once the programme is approved, with a 'reason'")
	ResponseEntity<ResultView> add(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId,
			@RequestBody ResultRequest request) {
		ResultView created = planning.addResult(user, programmeId, request);
		return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/results/" + created.id()))
			.body(created);
	}

	@GetMapping("/{resultId}")
	ResultView get(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId, @PathVariable long resultId) {
		return framework.result(user, programmeId, resultId);
	}

	@GetMapping(INDICATOR)
	@Operation(summary = "One indicator with its periods; its ETag is what a change may send as If-Match")
	ResponseEntity<IndicatorView> indicator(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId,
			@PathVariable long resultId, @PathVariable long indicatorId) {
		return withETag(framework.indicator(user, programmeId, resultId, indicatorId));
	}

	@GetMapping("/revisions")
	@Operation(summary = "Every change made to the results after approval: what, from what to what, why, who, when")
	List<RevisionView> revisions(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId) {
		return framework.revisions(user, programmeId);
	}

	@PostMapping("/{resultId}/indicators")
	@Operation(summary = "Add an indicator with its baseline and periods; once the programme is approved, with a 'reason'")
	ResponseEntity<IndicatorView> addIndicator(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId,
			@PathVariable long resultId, @RequestBody IndicatorRequest request) {
		IndicatorView created = planning.addIndicator(user, programmeId, resultId, request);
		return ResponseEntity
			.created(URI.create("/api/programmes/" + programmeId + "/results/" + resultId + "/indicators/" + created.id()))
			.eTag(ETags.of(created.version()))
			.body(created);
	}

	@PutMapping(INDICATOR + "/baseline")
	@Operation(summary = "Set the indicator's baseline; once the programme is approved, with a 'reason' (a revision)")
	ResponseEntity<IndicatorView> baseline(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId,
			@PathVariable long resultId, @PathVariable long indicatorId,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody BaselineRequest request) {
		return withETag(planning.changeBaseline(user, programmeId, resultId, indicatorId, version(ifMatch), request));
	}

	@PostMapping(INDICATOR + "/periods")
	@Operation(summary = "Add a reporting period with its target; once the programme is approved, with a 'reason'")
	ResponseEntity<IndicatorView> addPeriod(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId,
			@PathVariable long resultId, @PathVariable long indicatorId, @RequestBody PeriodRequest request) {
		IndicatorView changed = planning.addPeriod(user, programmeId, resultId, indicatorId, request);
		return ResponseEntity
			.created(URI.create("/api/programmes/" + programmeId + "/results/" + resultId + "/indicators/" + indicatorId))
			.eTag(ETags.of(changed.version()))
			.body(changed);
	}

	@PutMapping(INDICATOR + "/periods/{periodId}/target")
	@Operation(summary = "Change a period's target; frozen from approval on, when a change needs a 'reason' (a revision)")
	ResponseEntity<IndicatorView> target(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId,
			@PathVariable long resultId, @PathVariable long indicatorId, @PathVariable long periodId,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody TargetRequest request) {
		return withETag(planning.changeTarget(user, programmeId, resultId, indicatorId, periodId, version(ifMatch), request));
	}

	@PutMapping(INDICATOR + "/periods/{periodId}/actual")
	@Operation(summary = "Record what a period achieved: {value, comment} ({text, comment} if qualitative) or {missingReason}")
	ResponseEntity<IndicatorView> actual(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId,
			@PathVariable long resultId, @PathVariable long indicatorId, @PathVariable long periodId,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ActualRequest request) {
		return withETag(actuals.record(user, programmeId, resultId, indicatorId, periodId, version(ifMatch), request));
	}

	private static Integer version(String ifMatch) {
		var version = ETags.ifMatch(ifMatch, "indicator");
		return version.isPresent() ? version.getAsInt() : null;
	}

	private static ResponseEntity<IndicatorView> withETag(IndicatorView indicator) {
		return ResponseEntity.ok().eTag(ETags.of(indicator.version())).body(indicator);
	}

}
