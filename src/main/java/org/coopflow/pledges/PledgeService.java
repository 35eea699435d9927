package org.coopflow.pledges;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.coopflow.shared.StaleVersionException;
import org.coopflow.pledges.PledgeEvents.AgreementRecorded;
import org.coopflow.pledges.PledgeEvents.FundsAllocated;
import org.coopflow.pledges.PledgeEvents.InstalmentReminderDue;
import org.coopflow.pledges.PledgeEvents.PaymentDecided;
import org.coopflow.pledges.PledgeEvents.PaymentReported;
import org.coopflow.pledges.PledgeEvents.PledgeAnnounced;
import org.coopflow.pledges.PledgeEvents.PledgeClosed;
import org.coopflow.pledges.PledgeRepository.Instalment;
import org.coopflow.pledges.PledgeRepository.Payment;
import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.pledges.PledgeRepository.Revision;
import org.coopflow.pledges.PledgeRequest.InstalmentRequest;
import org.coopflow.pledges.PledgeView.InstalmentView;
import org.coopflow.pledges.PledgeView.PaymentView;
import org.coopflow.pledges.PledgeView.PledgeEventView;
import org.coopflow.pledges.PledgeView.RevisionView;
import org.coopflow.programmes.FundingLedger;
import org.coopflow.programmes.FundingLedger.Stage;
import org.coopflow.reference.ExchangeRates;
import org.coopflow.reference.Office;
import org.coopflow.reference.ReferenceCodes;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Member States' pledges: who may see and change which, the lifecycle's rules, the amounts kept in
 * every revision, and the funding entries each step adds to the programme the pledge funds.
 * <p>
 * "Today" is the process engine's clock, so that the process's timers and the overdue marks agree.
 */
@Service
@Transactional
public class PledgeService {

	/** Who acts when the process itself changes a pledge (an automatic allocation, a lapse). */
	static final String SYSTEM_USER = "coopflow";

	static final int MAX_INSTALMENTS = 36;

	static final int DEFAULT_LAPSE_DAYS = 180;

	static final int DEFAULT_DUE_DAYS_AFTER_LAPSE = 90;

	private final PledgeRepository pledges;

	private final FundingLedger ledger;

	private final ExchangeRates rates;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	PledgeService(PledgeRepository pledges, FundingLedger ledger, ExchangeRates rates,
			ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.pledges = pledges;
		this.ledger = ledger;
		this.rates = rates;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The result of an intake: the pledge, and whether this request created it or repeated an earlier one. */
	public record Intake(PledgeView pledge, boolean replayed) {
	}

	/**
	 * Records a donor's pledge for the donor's own Member State. With an idempotency key, the same key
	 * and body return the pledge made the first time, even when both requests race; the same key with
	 * another body is a conflict.
	 */
	@Transactional(propagation = Propagation.NEVER)
	public Intake intake(CoopflowUser donor, PledgeRequest request, String idempotencyKey) {
		requireDonor(donor, "pledge");
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw new InvalidInputException("Idempotency-Key", "must be 1 to 200 characters, e.g. a UUID");
		}
		String hash = hash(request);
		for (int attempt = 0;; attempt++) {
			try {
				return transaction.execute(status -> {
					Optional<Intake> earlier = replay(donor, idempotencyKey, hash);
					return earlier.orElseGet(() -> new Intake(create(donor, request, idempotencyKey, hash), false));
				});
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException race) {
				// another request with the same key committed first (or is committing): answer with its pledge
				Optional<Intake> earlier = idempotencyKey == null ? Optional.empty()
						: transaction.execute(status -> replay(donor, idempotencyKey, hash));
				if (earlier != null && earlier.isPresent()) {
					return earlier.get();
				}
				if (attempt >= 3) {
					throw race;
				}
			}
		}
	}

	public PledgeView create(CoopflowUser donor, PledgeRequest request, String idempotencyKey) {
		return intake(donor, request, idempotencyKey).pledge();
	}

	private Optional<Intake> replay(CoopflowUser donor, String idempotencyKey, String hash) {
		if (idempotencyKey == null) {
			return Optional.empty();
		}
		return pledges.findByIdempotencyKey(donor.getUsername(), idempotencyKey).map(earlier -> {
			if (!hash.equals(earlier.requestHash())) {
				throw new ConflictException("The Idempotency-Key '" + idempotencyKey
						+ "' was already used for another pledge request (pledge " + earlier.id()
						+ "); use a new key for a new pledge.");
			}
			return new Intake(view(earlier), true);
		});
	}

	private PledgeView create(CoopflowUser donor, PledgeRequest request, String idempotencyKey, String hash) {
		Checked checked = check(request, donor.getMemberState(), true);
		Instant now = now();
		boolean draft = Boolean.TRUE.equals(request.draft());
		PledgeStatus status = draft ? PledgeStatus.DRAFT : PledgeStatus.PLEDGED;
		Pledge pledge = new Pledge(0, donor.getMemberState(), checked.office(), status, checked.earmarking(),
				checked.earmarkTarget(), checked.programmeId(), 1, checked.amount(), checked.currency(),
				checked.unitsPerUsd(), checked.rateMonth(), checked.amountUsd(), BigDecimal.ZERO, checked.lapseDate(),
				draft ? null : now, null, null, null, null, null, null, null, null, null, blankToNull(request.note()),
				idempotencyKey, hash, donor.getUsername(), now, donor.getUsername(), now, 1, checked.awaitedRateMonth());
		long id = pledges.insert(pledge);
		pledges.insertRevision(id, new Revision(1, checked.amount(), checked.currency(), checked.unitsPerUsd(),
				checked.rateMonth(), checked.amountUsd(), checked.lapseDate(), null, donor.getUsername(), now),
				checked.instalments());
		Pledge created = pledges.find(id).orElseThrow();
		pledges.insertEvent(id, 1, draft ? "DRAFTED" : "ANNOUNCED", status, donor.getUsername(), now,
				describe(created));
		if (!draft) {
			announced(created, donor.getUsername());
		}
		return view(created);
	}

	/** A DRAFT becomes PLEDGED: the offices see it and the pledge process starts. */
	public PledgeView announce(CoopflowUser donor, long id, Integer expectedVersion) {
		Pledge pledge = ownForDonor(donor, id, "announce");
		checkVersion(pledge, expectedVersion);
		if (pledge.status() != PledgeStatus.DRAFT) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status() + "; only a DRAFT is announced.");
		}
		transition(pledge, PledgeStatus.PLEDGED, donor.getUsername(), "ANNOUNCED", describe(pledge),
				Map.of("announced_at", now()));
		if (pledge.programmeId() != null) {
			requireOpenProgramme(pledge.programmeId(), "programmeId");
		}
		Pledge announced = pledges.find(id).orElseThrow();
		announced(announced, donor.getUsername());
		return view(announced);
	}

	private void announced(Pledge pledge, String by) {
		if (pledge.programmeId() != null) {
			ledger.record(pledge.programmeId(), pledge.ref(), Stage.PLEDGED, pledge.amount(), pledge.currency(),
					pledge.amountUsd(), pledge.rateMonth());
		}
		events.publishEvent(new PledgeAnnounced(pledge.id(), pledge.donor(), pledge.office(), by));
	}

	/**
	 * A donor changes the amount or the instalments before the agreement. The earlier amount, with the
	 * rate it used, stays in the revisions; the new one uses this month's rate (provisional while it is
	 * not entered).
	 */
	public PledgeView revise(CoopflowUser donor, long id, PledgeRevisionRequest revision) {
		Pledge pledge = ownForDonor(donor, id, "revise");
		checkVersion(pledge, revision.version());
		if (!pledge.status().isDonorChangeable()) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status()
					+ "; its amount can be changed only before the agreement (DRAFT or PLEDGED).");
		}
		if (revision.reason() == null || revision.reason().isBlank()) {
			throw new InvalidInputException("reason", "say why the amount changes; the history keeps it");
		}
		PledgeRequest asRequest = new PledgeRequest(revision.amount(), pledge.currency(), pledge.earmarking(),
				pledge.earmarking() == Earmarking.PROGRAMME ? null : pledge.earmarkTarget(), pledge.programmeId(),
				pledge.earmarking() == Earmarking.PROGRAMME ? null : pledge.office(), pledge.lapseDate(),
				revision.instalments(), null, null);
		Checked checked = check(asRequest, donor.getMemberState(), true);
		Instant now = now();
		int next = pledge.revision() + 1;
		pledges.insertRevision(id, new Revision(next, checked.amount(), checked.currency(), checked.unitsPerUsd(),
				checked.rateMonth(), checked.amountUsd(), pledge.lapseDate(), revision.reason().trim(),
				donor.getUsername(), now), checked.instalments());
		Map<String, Object> columns = new HashMap<>();
		columns.put("revision", next);
		columns.put("amount", checked.amount());
		columns.put("exchange_rate", checked.unitsPerUsd());
		columns.put("rate_month", checked.rateMonth());
		columns.put("amount_usd", checked.amountUsd());
		columns.put("awaited_rate_month", checked.awaitedRateMonth());
		transition(pledge, pledge.status(), donor.getUsername(), "REVISED",
				"Amount " + money(pledge.amount(), pledge.currency()) + " -> " + money(checked.amount(), pledge.currency())
						+ " (revision " + next + "): " + revision.reason().trim(),
				columns);
		if (pledge.status() == PledgeStatus.PLEDGED && pledge.programmeId() != null) {
			ledger.record(pledge.programmeId(), pledge.ref(), Stage.PLEDGED, checked.amount().subtract(pledge.amount()),
					pledge.currency(), checked.amountUsd().subtract(pledge.amountUsd()), checked.rateMonth());
		}
		return view(pledges.find(id).orElseThrow());
	}

	/** A donor takes back a pledge not yet agreed. */
	public PledgeView withdraw(CoopflowUser donor, long id, String reason) {
		Pledge pledge = ownForDonor(donor, id, "withdraw");
		if (!pledge.status().isDonorChangeable()) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status()
					+ "; a donor can withdraw only a DRAFT or PLEDGED pledge. After the agreement, ask the office to cancel it.");
		}
		close(pledge, PledgeStatus.WITHDRAWN, donor.getUsername(), "WITHDRAWN",
				reason == null || reason.isBlank() ? "Withdrawn by the donor" : reason.trim());
		return view(pledges.find(id).orElseThrow());
	}

	/** An officer of the pledge's office cancels it before full payment; the reason is required. */
	public PledgeView cancel(CoopflowUser officer, long id, String reason) {
		Pledge pledge = forOfficer(officer, id, "cancel");
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "say why the pledge is cancelled; the donor is told");
		}
		if (!pledge.status().canBecome(PledgeStatus.CANCELLED)) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status() + "; only a pledge not yet fully paid"
					+ " (PLEDGED, COMMITTED or PARTIALLY_PAID) can be cancelled.");
		}
		close(pledge, PledgeStatus.CANCELLED, officer.getUsername(), "CANCELLED", reason.trim());
		return view(pledges.find(id).orElseThrow());
	}

	/** "Verify pledge": the officer confirms the pledge is genuine, or declines it with a reason. */
	public void verify(long id, String officer, boolean verified, String note) {
		Pledge pledge = pledge(id);
		if (pledge.status() != PledgeStatus.PLEDGED || pledge.verifiedAt() != null) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status() + (pledge.verifiedAt() != null
					? " and already verified." : "; only a PLEDGED pledge is verified."));
		}
		if (verified) {
			transition(pledge, PledgeStatus.PLEDGED, officer, "VERIFIED", blankToNull(note),
					Map.of("verified_at", now(), "verified_by", officer));
		}
		else {
			if (note == null || note.isBlank()) {
				throw new InvalidInputException("verificationNote", "say why the pledge is declined; the donor is told");
			}
			close(pledge, PledgeStatus.CANCELLED, officer, "DECLINED", "Declined at verification: " + note.trim());
		}
	}

	/** "Conclude agreement": the signed agreement makes the pledge COMMITTED. */
	public PledgeView recordAgreement(long id, String officer, LocalDate agreementDate, String reference) {
		Pledge pledge = pledge(id);
		List<InvalidField> errors = new ArrayList<>();
		if (agreementDate == null) {
			errors.add(new InvalidField("agreementDate", "is required: the date the agreement was signed"));
		}
		else if (agreementDate.isAfter(today())) {
			errors.add(new InvalidField("agreementDate", "cannot be in the future"));
		}
		if (reference == null || reference.isBlank()) {
			errors.add(new InvalidField("agreementReference", "is required: the agreement's reference or file number"));
		}
		else if (reference.length() > 200) {
			errors.add(new InvalidField("agreementReference", "must be at most 200 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (pledge.status() != PledgeStatus.PLEDGED) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status()
					+ "; an agreement is recorded only for a PLEDGED pledge.");
		}
		if (pledge.verifiedAt() == null) {
			throw new ConflictException("Pledge " + id + " has not been verified yet; verify it before the agreement.");
		}
		transition(pledge, PledgeStatus.COMMITTED, officer, "AGREEMENT_RECORDED",
				"Agreement " + reference.trim() + " signed on " + agreementDate,
				Map.of("agreement_date", agreementDate, "agreement_reference", reference.trim(), "agreed_at", now()));
		events.publishEvent(new AgreementRecorded(id, pledge.donor(), pledge.office(), agreementDate));
		return view(pledges.find(id).orElseThrow());
	}

	/**
	 * "Allocate funds": the agreed money goes to a programme of the pledge's office that fits its
	 * earmarking. Its committed funding rises by the pledge, its received funding by what has arrived.
	 */
	public PledgeView allocate(long id, String officer, long programmeId) {
		Pledge pledge = pledge(id);
		if (!PledgeStatus.FUNDING.contains(pledge.status())) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status()
					+ "; funds are allocated once the agreement is recorded.");
		}
		if (pledge.allocatedProgrammeId() != null) {
			throw new ConflictException("Pledge " + id + " is already allocated to programme "
					+ pledge.allocatedProgrammeId() + ".");
		}
		FundingLedger.Target target = ledger.target(programmeId)
			.orElseThrow(() -> new InvalidInputException("programmeId", "programme " + programmeId + " does not exist"));
		if (pledge.programmeId() != null && pledge.programmeId() != programmeId) {
			throw new InvalidInputException("programmeId",
					"the pledge is earmarked to programme " + pledge.programmeId() + "; it cannot fund another");
		}
		if (target.office() != pledge.office()) {
			throw new InvalidInputException("programmeId", "programme " + programmeId + " belongs to " + target.office()
					+ "; this pledge was made to " + pledge.office());
		}
		if (!target.acceptsFunding()) {
			throw new InvalidInputException("programmeId",
					"programme " + programmeId + " is " + target.status() + "; only approved programmes receive funds");
		}
		if (pledge.earmarking() == Earmarking.STANDARD && !target.standards().contains(pledge.earmarkTarget())) {
			throw new InvalidInputException("programmeId", "programme " + programmeId + " does not promote "
					+ pledge.earmarkTarget() + ", the standard this pledge is earmarked to");
		}
		if (pledge.earmarking() == Earmarking.COUNTRY && !target.countries().contains(pledge.earmarkTarget())) {
			throw new InvalidInputException("programmeId", "programme " + programmeId + " does not cover "
					+ pledge.earmarkTarget() + ", the country this pledge is earmarked to");
		}
		transition(pledge, pledge.status(), officer, "ALLOCATED", "Allocated to programme " + programmeId + " ("
				+ target.title() + ")", Map.of("allocated_programme_id", programmeId, "allocated_at", now()));
		if (pledge.programmeId() != null) {
			ledger.record(programmeId, pledge.ref(), Stage.PLEDGED, pledge.amount().negate(), pledge.currency(),
					pledge.amountUsd().negate(), pledge.rateMonth());
		}
		ledger.record(programmeId, pledge.ref(), Stage.COMMITTED, pledge.amount(), pledge.currency(),
				pledge.amountUsd(), pledge.rateMonth());
		if (pledge.receivedAmount().signum() > 0) {
			ledger.record(programmeId, pledge.ref(), Stage.RECEIVED, pledge.receivedAmount(), pledge.currency(),
					pledges.receivedUsd(id), pledge.rateMonth());
		}
		events.publishEvent(new FundsAllocated(id, pledge.donor(), pledge.office(), programmeId));
		return view(pledges.find(id).orElseThrow());
	}

	/**
	 * A programme was cancelled before it was funded. Pledges earmarked to it cannot be kept and are
	 * cancelled (the donor is told why and may pledge again); pledges only allocated to it lose the
	 * allocation, and an officer allocates them anew.
	 */
	public void programmeCancelled(long programmeId, String reason) {
		for (Pledge pledge : pledges.list(null, null, programmeId, null, 0, Integer.MAX_VALUE)) {
			if (pledge.status().isFinal() || pledge.status() == PledgeStatus.DRAFT) {
				continue;
			}
			String why = "Programme " + programmeId + " was cancelled" + (reason == null ? "" : ": " + reason);
			if (pledge.programmeId() != null && pledge.programmeId() == programmeId) {
				close(pledge, PledgeStatus.CANCELLED, SYSTEM_USER, "CANCELLED", why);
			}
			else if (pledge.allocatedProgrammeId() != null && pledge.allocatedProgrammeId() == programmeId) {
				Map<String, Object> columns = new HashMap<>();
				columns.put("allocated_programme_id", null);
				columns.put("allocated_at", null);
				transition(pledge, pledge.status(), SYSTEM_USER, "ALLOCATION_RELEASED", why + "; allocate the pledge anew",
						columns);
				ledger.release(programmeId, pledge.ref());
			}
		}
	}

	/**
	 * A donor reports a transfer, or an officer of the office records one seen on the bank statement.
	 * It stays unverified until an officer confirms receipt.
	 */
	public PledgeView reportPayment(CoopflowUser user, long id, PaymentReport report) {
		Pledge pledge = user.getRole() == Role.DONOR ? ownForDonor(user, id, "report a payment for")
				: forOfficer(user, id, "record a payment for");
		if (!pledge.status().expectsPayments()) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status() + "; payments are reported after the"
					+ " agreement and until the pledge is paid (COMMITTED or PARTIALLY_PAID).");
		}
		List<InvalidField> errors = new ArrayList<>();
		BigDecimal amount = checkAmount(report.amount(), pledge.currency(), "amount", errors);
		if (report.paidOn() == null) {
			errors.add(new InvalidField("paidOn", "is required: the date of the transfer"));
		}
		else if (report.paidOn().isAfter(today())) {
			errors.add(new InvalidField("paidOn", "cannot be in the future"));
		}
		if (report.reference() != null && report.reference().length() > 200) {
			errors.add(new InvalidField("reference", "must be at most 200 characters"));
		}
		if (report.note() != null && report.note().length() > 1000) {
			errors.add(new InvalidField("note", "must be at most 1000 characters"));
		}
		if (amount != null) {
			BigDecimal pending = pledges.payments(id)
				.stream()
				.filter(p -> p.status() == PaymentStatus.REPORTED)
				.map(Payment::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal open = pledge.amount().subtract(pledge.receivedAmount()).subtract(pending);
			if (amount.compareTo(open) > 0) {
				errors.add(new InvalidField("amount", "is more than the " + money(open, pledge.currency())
						+ " still open on this pledge (received and reported payments deducted)"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant now = now();
		long paymentId = pledges.insertPayment(new Payment(0, id, amount, usd(amount, pledge.exchangeRate()),
				report.paidOn(), blankToNull(report.reference()), PaymentStatus.REPORTED, user.getUsername(), now, null,
				null, blankToNull(report.note())));
		transition(pledge, pledge.status(), user.getUsername(), "PAYMENT_REPORTED",
				money(amount, pledge.currency()) + " paid on " + report.paidOn()
						+ (report.reference() == null ? "" : " (" + report.reference().trim() + ")"),
				Map.of());
		events.publishEvent(new PaymentReported(id, pledge.donor(), pledge.office(), paymentId));
		return view(pledges.find(id).orElseThrow());
	}

	/** "Confirm receipt": the officer confirms the money arrived, or records that it did not. */
	public PledgeStatus decidePayment(long id, long paymentId, String officer, boolean received, String note) {
		Pledge pledge = pledge(id);
		Payment payment = pledges.payments(id)
			.stream()
			.filter(p -> p.id() == paymentId)
			.findFirst()
			// the payment comes from the task, the pledge from the process's business key
			.orElseThrow(() -> new InvalidInputException("paymentId", "is not a payment of pledge " + id));
		if (!received && (note == null || note.isBlank())) {
			throw new InvalidInputException("receiptNote", "say what was found, e.g. no transfer on the account; the donor is told");
		}
		if (received && !pledge.status().expectsPayments()) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status() + "; no payment can be received for it.");
		}
		if (!pledges.decidePayment(paymentId, received ? PaymentStatus.CONFIRMED : PaymentStatus.REJECTED, officer, now(),
				blankToNull(note))) {
			throw new ConflictException("Payment " + paymentId + " was already decided.");
		}
		PledgeStatus next = pledge.status();
		if (received) {
			BigDecimal total = pledge.receivedAmount().add(payment.amount());
			next = total.compareTo(pledge.amount()) >= 0 ? PledgeStatus.PAID : PledgeStatus.PARTIALLY_PAID;
			transition(pledge, next, officer, "PAYMENT_CONFIRMED", "Received " + money(payment.amount(), pledge.currency())
					+ " (payment " + paymentId + "); " + money(total, pledge.currency()) + " of "
					+ money(pledge.amount(), pledge.currency()) + " received", Map.of("received_amount", total));
			if (pledge.allocatedProgrammeId() != null) {
				ledger.record(pledge.allocatedProgrammeId(), pledge.ref(), Stage.RECEIVED, payment.amount(),
						pledge.currency(), payment.amountUsd(), pledge.rateMonth());
			}
		}
		else {
			transition(pledge, next, officer, "PAYMENT_NOT_RECEIVED", "Payment " + paymentId + " of "
					+ money(payment.amount(), pledge.currency()) + " not received: " + note.trim(), Map.of());
		}
		events.publishEvent(new PaymentDecided(id, pledge.donor(), pledge.office(), paymentId, received,
				payment.amount(), pledge.currency(), next));
		return next;
	}

	/** The lapse date passed without an agreement. */
	public void lapse(long id) {
		Pledge pledge = pledge(id);
		if (pledge.status() != PledgeStatus.PLEDGED) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status() + "; only a PLEDGED pledge lapses.");
		}
		close(pledge, PledgeStatus.LAPSED, SYSTEM_USER, "LAPSED", "No agreement was signed by the lapse date "
				+ pledge.lapseDate());
	}

	/**
	 * A reminder timer of an instalment fired: the donor is reminded unless the instalment is paid or the
	 * pledge ended. Confirmed payments pay the instalments in due-date order.
	 * @return whether a reminder was sent
	 */
	public boolean remindOfInstalment(long id, int seq, boolean overdue) {
		Pledge pledge = pledge(id);
		if (!pledge.status().expectsPayments()) {
			return false;
		}
		Optional<InstalmentView> instalment = schedule(pledge).stream().filter(i -> i.seq() == seq).findFirst();
		if (instalment.isEmpty() || instalment.get().paidAmount().compareTo(instalment.get().amount()) >= 0) {
			return false;
		}
		InstalmentView due = instalment.get();
		BigDecimal open = due.amount().subtract(due.paidAmount());
		pledges.insertEvent(id, pledge.version(), overdue ? "INSTALMENT_OVERDUE" : "INSTALMENT_DUE", pledge.status(),
				SYSTEM_USER, now(), "Instalment " + seq + ": " + money(open, pledge.currency()) + " due on " + due.dueDate());
		events.publishEvent(new InstalmentReminderDue(id, pledge.donor(), pledge.office(), seq, due.dueDate(), open,
				pledge.currency(), overdue));
		return true;
	}

	// ---- reading

	/**
	 * What is wrong with a pledge request, all at once, without recording anything: lets a form that could
	 * not even read some fields still name every other problem.
	 */
	@Transactional(readOnly = true)
	public List<InvalidField> problems(CoopflowUser donor, PledgeRequest request) {
		try {
			// only reads: the rate rows are locked where a pledge is recorded, not where a form is checked
			check(request, donor.getMemberState(), false);
			return List.of();
		}
		catch (InvalidInputException e) {
			return e.errors();
		}
	}

	@Transactional(readOnly = true)
	public PledgeView get(CoopflowUser user, long id) {
		return view(visible(user, id));
	}

	/** A donor's own Member State's pledges (newest first); officers, coordinators and admins see all. */
	@Transactional(readOnly = true)
	public List<PledgeView> list(CoopflowUser user) {
		return search(user, null, null, null, 0, 1000).content();
	}

	public record Page(List<PledgeView> content, long totalElements) {
	}

	@Transactional(readOnly = true)
	public Page search(CoopflowUser user, PledgeStatus status, Long programmeId, Office office, int page, int size) {
		String donor = scopeOf(user);
		List<PledgeView> content = pledges.list(donor, status, programmeId, office, page * size, size)
			.stream()
			.map(this::view)
			.toList();
		return new Page(content, pledges.count(donor, status, programmeId, office));
	}

	@Transactional(readOnly = true)
	public List<PledgeEventView> timeline(CoopflowUser user, long id) {
		visible(user, id);
		return pledges.events(id);
	}

	@Transactional(readOnly = true)
	public List<RevisionView> revisions(CoopflowUser user, long id) {
		visible(user, id);
		return pledges.revisions(id).stream().map(r -> {
			List<InstalmentView> instalments = pledges.instalments(id, r.revision())
				.stream()
				.map(i -> new InstalmentView(i.seq(), i.dueDate(), scaled(i.amount(), r.currency()), null, false))
				.toList();
			return new RevisionView(r.revision(), scaled(r.amount(), r.currency()), r.currency(), r.exchangeRate(),
					r.rateMonth().toString().substring(0, 7), r.amountUsd(), r.lapseDate(), instalments, r.reason(),
					r.createdBy(), r.createdAt());
		}).toList();
	}

	/** Totals of the pledges the user may see (all but drafts), per status and currency, and in USD. */
	@Transactional(readOnly = true)
	public PledgeTotals totals(CoopflowUser user) {
		List<PledgeTotals.Line> lines = pledges.totalsByStatusAndCurrency(scopeOf(user)).stream().map(row -> {
			String currency = ((String) value(row, "currency")).trim();
			return new PledgeTotals.Line(PledgeStatus.valueOf((String) value(row, "status")), currency,
					((Number) value(row, "pledges")).longValue(), scaled(decimal(value(row, "amount")), currency),
					decimal(value(row, "amount_usd")).setScale(2));
		}).toList();
		return PledgeTotals.of(lines);
	}

	/** Member States whose agreed pledges are allocated to the programme. */
	@Transactional(readOnly = true)
	public List<String> donorsOfProgramme(long programmeId) {
		return pledges.donorsOfProgramme(programmeId);
	}

	/** What the pledge process reads from the record rather than from its variables. */
	public record ProcessFacts(long pledgeId, String donor, Office office, PledgeStatus status,
			boolean earmarkedToProgramme, Long programmeId, LocalDate lapseDate, List<InstalmentView> instalments,
			boolean paid) {
	}

	@Transactional(readOnly = true)
	public ProcessFacts facts(long id) {
		Pledge pledge = pledge(id);
		return new ProcessFacts(id, pledge.donor(), pledge.office(), pledge.status(), pledge.programmeId() != null,
				pledge.programmeId(), pledge.lapseDate(), schedule(pledge), pledge.status() == PledgeStatus.PAID);
	}

	/** The oldest reported payment not yet confirmed or found missing. */
	@Transactional(readOnly = true)
	public Optional<PaymentView> nextPaymentToConfirm(long id) {
		Pledge pledge = pledge(id);
		return pledges.payments(id)
			.stream()
			.filter(p -> p.status() == PaymentStatus.REPORTED)
			.findFirst()
			.map(p -> paymentView(p, pledge.currency()));
	}

	@Transactional(readOnly = true)
	public PledgeView view(long id) {
		return view(pledge(id));
	}

	// ---- rules

	private record Checked(BigDecimal amount, String currency, BigDecimal unitsPerUsd, LocalDate rateMonth,
			BigDecimal amountUsd, LocalDate awaitedRateMonth, Earmarking earmarking, String earmarkTarget, Long programmeId, Office office,
			LocalDate lapseDate, List<Instalment> instalments) {
	}

	/**
	 * Every problem of a request at once, so that a person can fix them in one go.
	 * @param recording the pledge will be recorded in this transaction: its rate is read under the lock
	 * that orders it with the entry of the month's rate ({@link ExchangeRates#forRating})
	 */
	private Checked check(PledgeRequest request, String donor, boolean recording) {
		ReferenceCodes.Snapshot codes = rates.codes();
		List<InvalidField> errors = new ArrayList<>();
		LocalDate today = today();
		String currency = request.currency() == null ? null : request.currency().trim();
		ExchangeRates.Rating rating = null;
		if (currency == null || currency.isEmpty()) {
			errors.add(new InvalidField("currency", "is required: an ISO 4217 code such as USD, EUR or NOK"));
			currency = null;
		}
		else if (!codes.isCurrency(currency) || codes.minorUnits(currency) < 0) {
			errors.add(new InvalidField("currency", "'" + currency + "' is not an ISO 4217 currency money is pledged in"));
			currency = null;
		}
		else {
			rating = (recording ? rates.forRating(currency, today) : rates.recent(currency, today)).orElse(null);
			if (rating == null) {
				YearMonth month = YearMonth.from(today);
				errors.add(new InvalidField("currency", "there is no UN operational rate for " + currency + " in " + month
						+ " nor in the " + ExchangeRates.PROVISIONAL_MONTHS + " months before (" + month.minusMonths(1) + ", "
						+ month.minusMonths(ExchangeRates.PROVISIONAL_MONTHS)
						+ "); pledge in USD or ask the office to enter the rate"));
			}
		}
		// a wrong currency does not hide what is wrong with the amount; only its decimals need the currency
		BigDecimal amount = currency == null ? checkAmountWithoutCurrency(request.amount(), "amount", errors)
				: checkAmount(request.amount(), currency, "amount", errors);
		Earmarking earmarking = request.earmarking() == null ? Earmarking.NONE : request.earmarking();
		String target = request.earmarkTarget() == null ? null : request.earmarkTarget().trim();
		Long programmeId = null;
		Office office = request.office();
		switch (earmarking) {
			case NONE -> {
				if (target != null || request.programmeId() != null) {
					errors.add(new InvalidField("earmarking", "is NONE, so leave earmarkTarget and programmeId empty"));
				}
			}
			case STANDARD -> {
				if (target == null || !codes.isStandard(target)) {
					errors.add(new InvalidField("earmarkTarget", "must be a standard of the catalogue, e.g. SMR-PRISONERS"));
				}
			}
			case COUNTRY -> {
				if (target == null || !codes.isCountry(target)) {
					errors.add(new InvalidField("earmarkTarget", "must be an ISO 3166-1 alpha-2 country code, e.g. KE"));
				}
			}
			case PROGRAMME -> {
				if (request.programmeId() == null) {
					errors.add(new InvalidField("programmeId", "is required when the pledge is earmarked to a programme"));
				}
				else {
					Optional<FundingLedger.Target> programme = ledger.target(request.programmeId())
						.filter(p -> p.status().isOpenForFunding());
					if (programme.isEmpty()) {
						errors.add(new InvalidField("programmeId",
								"programme " + request.programmeId() + " is not open for funding"));
					}
					else {
						programmeId = request.programmeId();
						target = String.valueOf(programmeId);
						if (office != null && office != programme.get().office()) {
							errors.add(new InvalidField("office", "programme " + programmeId + " belongs to "
									+ programme.get().office() + "; leave office empty or give " + programme.get().office()));
						}
						office = programme.get().office();
					}
				}
			}
		}
		if (earmarking != Earmarking.PROGRAMME && request.programmeId() != null && earmarking != Earmarking.NONE) {
			errors.add(new InvalidField("programmeId", "is only for pledges earmarked to a PROGRAMME"));
		}
		if (office == null && earmarking != Earmarking.PROGRAMME) {
			errors.add(new InvalidField("office", "is required unless the pledge is earmarked to a programme: CPCJD or OHCHR"));
		}
		LocalDate lapseDate = request.lapseDate() == null ? today.plusDays(DEFAULT_LAPSE_DAYS) : request.lapseDate();
		if (!lapseDate.isAfter(today)) {
			errors.add(new InvalidField("lapseDate", "must be after today: the date by which the agreement must be signed"));
		}
		else if (lapseDate.isAfter(today.plusYears(5))) {
			errors.add(new InvalidField("lapseDate", "must be within five years"));
		}
		List<Instalment> instalments = checkInstalments(request.instalments(), amount, currency, lapseDate, today, errors);
		if (request.note() != null && request.note().length() > 2000) {
			errors.add(new InvalidField("note", "must be at most 2000 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		// a provisional rating waits for its own month's rate, which re-rates it (ProvisionalRates)
		return new Checked(amount, currency, rating.unitsPerUsd().setScale(6, RoundingMode.HALF_EVEN),
				rating.rateMonth().atDay(1), usd(amount, rating.unitsPerUsd()),
				rating.provisional() ? today.withDayOfMonth(1) : null, earmarking, target, programmeId, office, lapseDate,
				instalments);
	}

	private List<Instalment> checkInstalments(List<InstalmentRequest> requested, BigDecimal amount, String currency,
			LocalDate lapseDate, LocalDate today, List<InvalidField> errors) {
		if (requested == null || requested.isEmpty()) {
			return amount == null ? List.of()
					: List.of(new Instalment(1, lapseDate.plusDays(DEFAULT_DUE_DAYS_AFTER_LAPSE), amount));
		}
		if (requested.size() > MAX_INSTALMENTS) {
			errors.add(new InvalidField("instalments", "at most " + MAX_INSTALMENTS + " instalments"));
			return List.of();
		}
		List<InstalmentRequest> sorted = new ArrayList<>();
		BigDecimal sum = BigDecimal.ZERO;
		boolean complete = true;
		for (int i = 0; i < requested.size(); i++) {
			InstalmentRequest instalment = requested.get(i);
			String field = "instalments[" + i + "]";
			if (instalment == null) {
				errors.add(new InvalidField(field, "is empty"));
				complete = false;
				continue;
			}
			if (instalment.dueDate() == null) {
				errors.add(new InvalidField(field + ".dueDate", "is required"));
				complete = false;
			}
			else if (instalment.dueDate().isBefore(today)) {
				errors.add(new InvalidField(field + ".dueDate", "cannot be in the past"));
			}
			BigDecimal value = currency == null ? null : checkAmount(instalment.amount(), currency, field + ".amount", errors);
			if (value == null) {
				complete = false;
			}
			else {
				sum = sum.add(value);
			}
			sorted.add(instalment);
		}
		if (complete && amount != null && sum.compareTo(amount) != 0) {
			errors.add(new InvalidField("instalments", "add up to " + money(sum, currency) + " but the pledge is "
					+ money(amount, currency) + "; they must sum to the pledge"));
		}
		if (!complete) {
			return List.of();
		}
		sorted.sort(Comparator.comparing(InstalmentRequest::dueDate));
		List<Instalment> instalments = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			instalments.add(new Instalment(i + 1, sorted.get(i).dueDate(), sorted.get(i).amount()));
		}
		return instalments;
	}

	/** A positive amount with no more decimals than the currency has minor units. */
	/** What can be said of an amount whose currency is wrong; null, since nothing is recorded then. */
	private static BigDecimal checkAmountWithoutCurrency(BigDecimal amount, String field, List<InvalidField> errors) {
		if (amount == null) {
			errors.add(new InvalidField(field, "is required"));
		}
		else if (amount.signum() <= 0) {
			errors.add(new InvalidField(field, "must be more than zero"));
		}
		else if (amount.precision() - amount.scale() > 15) {
			errors.add(new InvalidField(field, "must be less than 10^15"));
		}
		return null;
	}

	private static BigDecimal checkAmount(BigDecimal amount, String currency, String field, List<InvalidField> errors) {
		if (amount == null) {
			errors.add(new InvalidField(field, "is required"));
			return null;
		}
		if (amount.signum() <= 0) {
			errors.add(new InvalidField(field, "must be more than zero"));
			return null;
		}
		int minorUnits = minorUnits(currency);
		if (amount.stripTrailingZeros().scale() > minorUnits) {
			errors.add(new InvalidField(field, currency + " has " + (minorUnits == 0 ? "no minor units" : minorUnits
					+ " decimals") + "; " + amount.toPlainString() + " has more"));
			return null;
		}
		if (amount.precision() - amount.scale() > 15) {
			errors.add(new InvalidField(field, "must be less than 10^15"));
			return null;
		}
		return amount.setScale(minorUnits, RoundingMode.UNNECESSARY);
	}

	private void requireOpenProgramme(long programmeId, String field) {
		if (ledger.target(programmeId).filter(p -> p.status().isOpenForFunding()).isEmpty()) {
			throw new InvalidInputException(field, "programme " + programmeId + " is no longer open for funding");
		}
	}

	// ---- state changes

	private void transition(Pledge pledge, PledgeStatus next, String actor, String kind, String detail,
			Map<String, Object> columns) {
		if (next != pledge.status() && !pledge.status().canBecome(next)) {
			throw new ConflictException("Pledge " + pledge.id() + " is " + pledge.status() + " and cannot become " + next + ".");
		}
		Map<String, Object> values = new HashMap<>(columns);
		values.put("status", next);
		Instant now = now();
		if (!pledges.update(pledge.id(), pledge.version(), values, actor, now)) {
			throw new ConflictException("Pledge " + pledge.id() + " was changed by someone else just now; reload it and try again.");
		}
		pledges.insertEvent(pledge.id(), pledge.version() + 1, kind, next, actor, now, detail);
	}

	private void close(Pledge pledge, PledgeStatus status, String actor, String kind, String reason) {
		transition(pledge, status, actor, kind, reason, Map.of("closed_at", now(), "closed_reason", reason));
		if (pledge.fundedProgramme() != null && pledge.status() != PledgeStatus.DRAFT) {
			ledger.release(pledge.fundedProgramme(), pledge.ref());
		}
		events.publishEvent(new PledgeClosed(pledge.id(), pledge.donor(), pledge.office(), status, reason));
	}

	// ---- who sees what

	/** The Member State a user is confined to, or null for roles that see every pledge. */
	private static String scopeOf(CoopflowUser user) {
		if (user.getRole() == Role.DONOR) {
			if (user.getMemberState() == null) {
				throw new AccessDeniedException("This donor account has no Member State.");
			}
			return user.getMemberState();
		}
		return null;
	}

	/** Another Member State's pledge does not exist as far as a donor can tell. */
	private Pledge visible(CoopflowUser user, long id) {
		Pledge pledge = pledge(id);
		String scope = scopeOf(user);
		if (scope != null && !scope.equals(pledge.donor())) {
			throw notFound(id);
		}
		return pledge;
	}

	private Pledge ownForDonor(CoopflowUser user, long id, String action) {
		requireDonor(user, action + " pledges");
		return visible(user, id);
	}

	private Pledge forOfficer(CoopflowUser user, long id, String action) {
		if (user.getRole() != Role.PROGRAMME_OFFICER) {
			throw new AccessDeniedException("Only programme officers " + action + " pledges.");
		}
		Pledge pledge = pledge(id);
		if (pledge.office() != user.getOffice()) {
			throw new AccessDeniedException("Pledge " + id + " is handled by " + pledge.office() + ", not " + user.getOffice() + ".");
		}
		return pledge;
	}

	private static void requireDonor(CoopflowUser user, String action) {
		if (user.getRole() != Role.DONOR || user.getMemberState() == null) {
			throw new AccessDeniedException("Only Member State donors " + action + ".");
		}
	}

	private Pledge pledge(long id) {
		return pledges.find(id).orElseThrow(() -> notFound(id));
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("Pledge " + id + " does not exist.");
	}

	private static void checkVersion(Pledge pledge, Integer expected) {
		if (expected != null && expected != pledge.version()) {
			throw new StaleVersionException("Pledge " + pledge.id() + " is at version " + pledge.version()
					+ ", not " + expected + "; reload it and try again.");
		}
	}

	// ---- views

	private PledgeView view(Pledge p) {
		List<PaymentView> payments = pledges.payments(p.id()).stream().map(x -> paymentView(x, p.currency())).toList();
		List<InstalmentView> schedule = schedule(p);
		return new PledgeView(p.id(), p.donor(), p.office(), p.status(), p.earmarking(), p.earmarkTarget(),
				p.programmeId(), scaled(p.amount(), p.currency()), p.currency(), p.exchangeRate(),
				p.rateMonth().toString().substring(0, 7), p.rateProvisional(), p.amountUsd(), scaled(p.receivedAmount(), p.currency()),
				pledges.receivedUsd(p.id()).setScale(2), p.lapseDate(), schedule,
				schedule.stream().anyMatch(InstalmentView::overdue), payments, p.announcedAt(), p.verifiedAt(),
				p.agreementDate(), p.agreementReference(), p.agreedAt(), p.allocatedProgrammeId(), p.allocatedAt(),
				p.closedAt(), p.closedReason(), p.note(), p.revision(), p.version(), p.createdAt(), p.updatedAt());
	}

	private static PaymentView paymentView(Payment x, String currency) {
		return new PaymentView(x.id(), scaled(x.amount(), currency), x.amountUsd(), x.paidOn(), x.reference(), x.status(),
				x.reportedBy(), x.reportedAt(), x.decidedBy(), x.decidedAt(), x.note());
	}

	/** Confirmed money pays instalments in due-date order; an unpaid one past its date is overdue. */
	private List<InstalmentView> schedule(Pledge p) {
		BigDecimal left = p.receivedAmount();
		LocalDate today = today();
		List<InstalmentView> schedule = new ArrayList<>();
		for (Instalment i : pledges.instalments(p.id(), p.revision())) {
			BigDecimal paid = left.min(i.amount()).max(BigDecimal.ZERO);
			left = left.subtract(paid);
			boolean overdue = p.status().expectsPayments() && i.dueDate().isBefore(today) && paid.compareTo(i.amount()) < 0;
			schedule.add(new InstalmentView(i.seq(), i.dueDate(), scaled(i.amount(), p.currency()),
					scaled(paid, p.currency()), overdue));
		}
		return schedule;
	}

	static int minorUnits(String currency) {
		try {
			return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException e) {
			return 2;
		}
	}

	private static BigDecimal scaled(BigDecimal amount, String currency) {
		return amount.setScale(minorUnits(currency), RoundingMode.HALF_EVEN);
	}

	private static BigDecimal usd(BigDecimal amount, BigDecimal unitsPerUsd) {
		return amount.divide(unitsPerUsd, 2, RoundingMode.HALF_EVEN);
	}

	private static String money(BigDecimal amount, String currency) {
		return currency + " " + scaled(amount, currency).toPlainString();
	}

	private static String describe(Pledge p) {
		return money(p.amount(), p.currency()) + " (USD " + p.amountUsd().toPlainString() + " at " + p.exchangeRate()
				.stripTrailingZeros()
				.toPlainString() + " per USD" + (p.rateProvisional() ? ", provisionally the rate of "
						+ p.rateMonth().toString().substring(0, 7) + " until the rate of "
						+ p.awaitedRateMonth().toString().substring(0, 7) + " is entered" : "") + "), earmarked " + p.earmarking()
				+ (p.earmarkTarget() == null ? "" : " " + p.earmarkTarget()) + ", to " + p.office();
	}

	private static Object value(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return value != null ? value : row.get(column.toUpperCase());
	}

	private static BigDecimal decimal(Object value) {
		return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	static LocalDate today() {
		return LocalDate.ofInstant(now(), ZoneOffset.UTC);
	}

	/** The request in a canonical form, so that "1000" and "1000.00" are the same body. */
	private static String hash(PledgeRequest r) {
		StringBuilder canonical = new StringBuilder();
		canonical.append(plain(r.amount())).append('|').append(r.currency()).append('|').append(r.earmarking())
			.append('|').append(r.earmarkTarget()).append('|').append(r.programmeId()).append('|').append(r.office())
			.append('|').append(r.lapseDate()).append('|').append(Boolean.TRUE.equals(r.draft())).append('|')
			.append(Objects.toString(r.note(), ""));
		if (r.instalments() != null) {
			for (InstalmentRequest i : r.instalments()) {
				canonical.append('|').append(i == null ? "-" : i.dueDate() + "=" + plain(i.amount()));
			}
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String plain(BigDecimal amount) {
		return amount == null ? "-" : amount.stripTrailingZeros().toPlainString();
	}

}
