package org.coopflow.pledges;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.PageView;
import org.coopflow.pledges.DonorPledgeProcess.Tasks;
import org.coopflow.pledges.DonorPledgeProcess.Variables;
import org.coopflow.pledges.PledgeView.PledgeEventView;
import org.coopflow.pledges.PledgeView.RevisionView;
import org.coopflow.reference.Office;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.coopflow.web.ETags;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pledges as donors and officers use them. Steps that are tasks of the donor pledge process
 * (verification, agreement, allocation, receipt) complete those tasks, exactly as Tasklist would.
 */
@RestController
@RequestMapping("/api/pledges")
@Tag(name = "Pledges")
class PledgeController {

	private final PledgeIntake intake;

	private final PledgeQueries pledges;

	private final PledgeRevisions revisions;

	private final PledgeClosing closing;

	private final PledgeAllocation allocations;

	private final PledgePayments payments;

	private final PledgeTasks tasks;

	PledgeController(PledgeIntake intake, PledgeQueries pledges, PledgeRevisions revisions, PledgeClosing closing,
			PledgeAllocation allocations, PledgePayments payments, PledgeTasks tasks) {
		this.intake = intake;
		this.pledges = pledges;
		this.revisions = revisions;
		this.closing = closing;
		this.allocations = allocations;
		this.payments = payments;
		this.tasks = tasks;
	}

	record Reason(String reason) {
	}

	record Verification(Boolean verified, String note) {
	}

	record Agreement(LocalDate agreementDate, String agreementReference) {
	}

	record Allocation(Long programmeId) {
	}

	record Receipt(Boolean received, String note) {
	}

	@PostMapping
	@Operation(summary = "Pledge for the signed-in donor's Member State; send an Idempotency-Key so a retry never pledges twice")
	ResponseEntity<PledgeView> create(@AuthenticationPrincipal CoopflowUser user,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody PledgeRequest request) {
		PledgeService.Intake taken = intake.intake(user, request, idempotencyKey);
		PledgeView pledge = taken.pledge();
		return ResponseEntity.status(taken.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/pledges/" + pledge.id()))
			.header("Idempotent-Replayed", String.valueOf(taken.replayed()))
			.eTag(etag(pledge))
			.body(pledge);
	}

	@GetMapping
	@Operation(summary = "Pledges newest first: a donor sees only their own Member State's")
	PageView<PledgeView> search(@AuthenticationPrincipal CoopflowUser user,
			@RequestParam(required = false) PledgeStatus status, @RequestParam(required = false) Long programmeId,
			@RequestParam(required = false) Office office, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		PledgeService.Page found = pledges.search(user, status, programmeId, office, page, size);
		return PageView.of(found.content(), page, size, found.totalElements());
	}

	@GetMapping("/totals")
	@Operation(summary = "Totals per status and currency, and in USD from the amounts stored with each pledge")
	PledgeTotals totals(@AuthenticationPrincipal CoopflowUser user) {
		return pledges.totals(user);
	}

	@GetMapping("/{id}")
	ResponseEntity<PledgeView> get(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		PledgeView pledge = pledges.get(user, id);
		return ResponseEntity.ok().eTag(etag(pledge)).body(pledge);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "The pledge's timeline: each step, who took it and when")
	List<PledgeEventView> history(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		return pledges.timeline(user, id);
	}

	@GetMapping("/{id}/revisions")
	@Operation(summary = "Every amount the pledge had, with the rate it used")
	List<RevisionView> revisions(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		return pledges.revisions(user, id);
	}

	@PostMapping("/{id}/revisions")
	@Operation(summary = "A donor changes the amount or instalments before the agreement; the old amount stays in the revisions")
	ResponseEntity<PledgeView> revise(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody PledgeRevisionRequest revision) {
		// the body's version, if it has one, is the one compared; otherwise the If-Match header's
		OptionalInt fromHeader = revision.version() == null ? ETags.ifMatch(ifMatch, "pledge") : OptionalInt.empty();
		PledgeRevisionRequest withVersion = fromHeader.isPresent()
				? new PledgeRevisionRequest(revision.amount(), revision.instalments(), revision.reason(), fromHeader.getAsInt())
				: revision;
		PledgeView pledge = revisions.revise(user, id, withVersion);
		return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(pledge)).body(pledge);
	}

	@PutMapping("/{id}/announcement")
	@Operation(summary = "A donor announces a DRAFT pledge: it becomes PLEDGED")
	ResponseEntity<PledgeView> announce(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		OptionalInt expected = ETags.ifMatch(ifMatch, "pledge");
		PledgeView pledge = intake.announce(user, id, expected.isPresent() ? expected.getAsInt() : null);
		return ResponseEntity.ok().eTag(etag(pledge)).body(pledge);
	}

	@PutMapping("/{id}/withdrawal")
	@Operation(summary = "A donor withdraws a DRAFT or PLEDGED pledge")
	PledgeView withdraw(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestBody(required = false) Reason reason) {
		return closing.withdraw(user, id, reason == null ? null : reason.reason());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Same as PUT /withdrawal: the pledge is kept, WITHDRAWN, in the history")
	PledgeView delete(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id) {
		return closing.withdraw(user, id, null);
	}

	@PutMapping("/{id}/cancellation")
	@Operation(summary = "An officer of the pledge's office cancels it before full payment, with a reason; its allocation is released")
	PledgeView cancel(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id, @RequestBody Reason reason) {
		return closing.cancel(user, id, reason.reason());
	}

	@PutMapping("/{id}/verification")
	@Operation(summary = "\"Verify pledge\": verified true, or false with a note")
	PledgeView verify(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestBody Verification verification) {
		if (verification.verified() == null) {
			throw new InvalidInputException("verified", "is required: true or false");
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(Variables.PLEDGE_VERIFIED, verification.verified());
		variables.put(Variables.VERIFICATION_NOTE, verification.note());
		return officerStep(user, id, Tasks.VERIFY_PLEDGE, "Verify pledge", variables);
	}

	@PutMapping("/{id}/agreement")
	@Operation(summary = "\"Conclude agreement\": the signed agreement's date and reference make the pledge COMMITTED")
	PledgeView agreement(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestBody Agreement agreement) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Variables.AGREEMENT_DATE, agreement.agreementDate() == null ? null : agreement.agreementDate().toString());
		variables.put(Variables.AGREEMENT_REFERENCE, agreement.agreementReference());
		return officerStep(user, id, Tasks.CONCLUDE_AGREEMENT, "Conclude agreement", variables);
	}

	@PutMapping("/{id}/allocation")
	@Operation(summary = "\"Allocate funds\": the programme a pledge not earmarked to one funds")
	PledgeView allocation(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestBody Allocation allocation) {
		if (allocation.programmeId() == null) {
			throw new InvalidInputException("programmeId", "is required");
		}
		if (!tasks.isWaiting(id, Tasks.ALLOCATE_FUNDS) && pledges.get(user, id).allocatedProgrammeId() == null) {
			// the programme it funded was cancelled after the process allocated it: allocate it anew
			requireOfficerOf(user, pledges.get(user, id), "Allocate funds");
			return allocations.allocate(id, user.getUsername(), allocation.programmeId());
		}
		return officerStep(user, id, Tasks.ALLOCATE_FUNDS, "Allocate funds",
				Map.of(Variables.PROGRAMME_ID, allocation.programmeId()));
	}

	@PostMapping("/{id}/payments")
	@Operation(summary = "Report a transfer (donor) or record one seen on the bank statement (officer); unverified until receipt is confirmed")
	ResponseEntity<PledgeView> reportPayment(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestBody PaymentReport report) {
		PledgeView pledge = payments.reportPayment(user, id, report);
		return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(pledge)).body(pledge);
	}

	@PutMapping("/{id}/payments/{paymentId}/receipt")
	@Operation(summary = "\"Confirm receipt\": received true, or false with a note saying what was found")
	PledgeView receipt(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id, @PathVariable long paymentId,
			@RequestBody Receipt receipt) {
		if (receipt.received() == null) {
			throw new InvalidInputException("received", "is required: true or false");
		}
		boolean reported = pledges.get(user, id)
			.payments()
			.stream()
			.anyMatch(p -> p.id() == paymentId && p.status() == PaymentStatus.REPORTED);
		if (!reported) {
			throw new org.coopflow.shared.ConflictException("Payment " + paymentId + " of pledge " + id + " is not waiting for confirmation.");
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(Variables.PAYMENT_ID, paymentId);
		variables.put(Variables.PAYMENT_RECEIVED, receipt.received());
		variables.put(Variables.RECEIPT_NOTE, receipt.note());
		return officerStep(user, id, Tasks.CONFIRM_RECEIPT, "Confirm receipt", variables);
	}

	private PledgeView officerStep(CoopflowUser user, long id, String taskKey, String taskName,
			Map<String, Object> variables) {
		requireOfficerOf(user, pledges.get(user, id), taskName);
		tasks.complete(user, id, taskKey, taskName, variables);
		return pledges.get(user, id);
	}

	private static void requireOfficerOf(CoopflowUser user, PledgeView pledge, String taskName) {
		if (user.getRole() != Role.PROGRAMME_OFFICER || user.getOffice() != pledge.office()) {
			throw new AccessDeniedException("Only programme officers of " + pledge.office() + " take the step \"" + taskName
					+ "\" for this pledge.");
		}
	}

	private static String etag(PledgeView pledge) {
		return ETags.of(pledge.version());
	}

}
