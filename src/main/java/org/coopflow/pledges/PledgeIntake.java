package org.coopflow.pledges;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import org.coopflow.pledges.PledgeEvents.PledgeAnnounced;
import org.coopflow.pledges.PledgeRepository.NewPledge;
import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.pledges.PledgeRepository.Revision;
import org.coopflow.pledges.PledgeRequest.InstalmentRequest;
import org.coopflow.pledges.PledgeRequestCheck.Checked;
import org.coopflow.pledges.PledgeService.Intake;
import org.coopflow.programmes.FundingLedger;
import org.coopflow.programmes.FundingLedger.Stage;
import org.coopflow.security.CoopflowUser;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.TransientFailures;
import org.coopflow.shared.TransientRetry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Pledge": a donor records a pledge (or a draft, announced later) for their own Member State. An
 * Idempotency-Key makes a retried request answer with the first pledge instead of pledging twice, even
 * when the two requests race.
 */
@Component
@Transactional
class PledgeIntake extends PledgeUseCase {

	private final PledgeRequestCheck requests;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TransientRetry retry;

	PledgeIntake(PledgeRepository pledges, PledgeRequestCheck requests, PledgeAccess access,
			PledgeTransitions transitions, PledgeViews views, FundingLedger ledger, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager transactions, TransientRetry retry) {
		super(pledges, access, transitions, views, ledger);
		this.retry = retry;
		this.requests = requests;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * With an idempotency key, the same key and body return the pledge made the first time; the same key
	 * with another body is a conflict. Runs its own transactions, so that it can retry after losing a race.
	 */
	@Transactional(propagation = Propagation.NEVER)
	Intake intake(CoopflowUser donor, PledgeRequest request, String idempotencyKey) {
		PledgeAccess.requireDonor(donor, "pledge");
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw new InvalidInputException("Idempotency-Key", "must be 1 to 200 characters, e.g. a UUID");
		}
		String hash = hash(request);
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return inCallersTransaction(donor, request, idempotencyKey, hash);
		}
		for (int attempt = 0;; attempt++) {
			// the first attempt records without looking the key up first: a key used before makes the insert
			// fail on the unique key (uq_pledge_idempotency_key), and the request is answered below as a
			// replay, as when two requests race; a new pledge saves the look-up. Later attempts look first.
			boolean lookFirst = attempt > 0;
			try {
				// a deadlock, Galera certification failure or lost optimistic lock runs the one transaction
				// again (it rolled back); a broken connection at COMMIT does not, as it may have committed
				return retry.run(() -> transaction.execute(status -> {
					Optional<Intake> earlier = lookFirst ? replay(donor, idempotencyKey, hash) : Optional.empty();
					return earlier.orElseGet(() -> new Intake(record(donor, request, idempotencyKey, hash), false));
				}));
			}
			catch (InvalidInputException invalid) {
				// a request the key made a pledge for is answered with that pledge (or a conflict when it is
				// another request) even if it would no longer pass the checks, as when the key was looked up first
				Optional<Intake> earlier = idempotencyKey == null ? Optional.empty()
						: transaction.execute(status -> replay(donor, idempotencyKey, hash));
				if (earlier != null && earlier.isPresent()) {
					return earlier.get();
				}
				throw invalid;
			}
			catch (RuntimeException failure) {
				boolean duplicate = failure instanceof DataIntegrityViolationException;
				if (!duplicate && !TransientFailures.isTransient(failure)) {
					throw failure;
				}
				// another request with the same key committed first (or is committing), or this request's own
				// commit may have gone through: answer with the pledge the key made
				Optional<Intake> earlier = idempotencyKey == null ? Optional.empty()
						: transaction.execute(status -> replay(donor, idempotencyKey, hash));
				if (earlier != null && earlier.isPresent()) {
					return earlier.get();
				}
				// only a lost race on the key is tried again here; a transient failure was retried already
				if (!duplicate || attempt >= 3) {
					throw failure;
				}
			}
			catch (Error e) {
				throw e;
			}
			catch (Throwable e) {
				throw new IllegalStateException(e);
			}
		}
	}

	/**
	 * Inside the caller's transaction a failure cannot be answered here: after it the transaction may only
	 * roll back, and a replay would read this transaction's own insert. It rolls back with the caller's
	 * transaction, which coopflow runs again ({@code TransientRetry}); a lost race on the key is reported as
	 * such a conflict too, so that the next attempt answers with the pledge that won it.
	 */
	private Intake inCallersTransaction(CoopflowUser donor, PledgeRequest request, String idempotencyKey, String hash) {
		try {
			return transaction.execute(status -> replay(donor, idempotencyKey, hash)
				.orElseGet(() -> new Intake(record(donor, request, idempotencyKey, hash), false)));
		}
		catch (DataIntegrityViolationException race) {
			if (idempotencyKey == null) {
				throw race;
			}
			throw new ConcurrencyFailureException("Another request with the Idempotency-Key '" + idempotencyKey
					+ "' was recorded at the same time", race);
		}
	}

	/** Intake inside the caller's transaction (forms, demo data): the pledge, new or replayed. */
	PledgeView create(CoopflowUser donor, PledgeRequest request, String idempotencyKey) {
		return intake(donor, request, idempotencyKey).pledge();
	}

	/** A DRAFT becomes PLEDGED: the offices see it and the pledge process starts. */
	PledgeView announce(CoopflowUser donor, long id, Integer expectedVersion) {
		Pledge pledge = access.ownForDonor(donor, id, "announce");
		PledgeAccess.checkVersion(pledge, expectedVersion);
		if (pledge.status() != PledgeStatus.DRAFT) {
			throw new ConflictException("Pledge " + id + " is " + pledge.status() + "; only a DRAFT is announced.");
		}
		transitions.transition(pledge, PledgeStatus.PLEDGED, donor.getUsername(), "ANNOUNCED",
				views.describe(pledge), new PledgeChange.Announced());
		if (pledge.programmeId() != null) {
			requireOpenProgramme(pledge.programmeId());
		}
		Pledge announced = pledges.find(id).orElseThrow();
		announced(announced, donor.getUsername());
		return views.view(announced);
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
			return new Intake(views.view(earlier), true);
		});
	}

	private PledgeView record(CoopflowUser donor, PledgeRequest request, String idempotencyKey, String hash) {
		Checked checked = requests.check(request, true);
		Instant now = clock.instant();
		boolean draft = Boolean.TRUE.equals(request.draft());
		PledgeStatus status = draft ? PledgeStatus.DRAFT : PledgeStatus.PLEDGED;
		long id = pledges.insert(new NewPledge(donor.getMemberState(), checked.office(), status, checked.earmarking(),
				checked.earmarkTarget(), checked.programmeId(), checked.amount(), checked.currency(), checked.rate(),
				checked.lapseDate(), draft ? null : now, blankToNull(request.note()), idempotencyKey, hash,
				donor.getUsername(), now));
		pledges.insertRevision(id, new Revision(1, checked.amount(), checked.currency(), checked.rate(),
				checked.lapseDate(), null, donor.getUsername(), now), checked.instalments());
		Pledge created = pledges.find(id).orElseThrow();
		pledges.insertEvent(id, 1, draft ? "DRAFTED" : "ANNOUNCED", status, donor.getUsername(), now,
				views.describe(created));
		// the process's first task, the mails and the answer read the pledge just written, not the database
		return pledges.whileJustRecorded(created, checked.instalments(), () -> {
			if (!draft) {
				announced(created, donor.getUsername());
			}
			return views.view(created);
		});
	}

	private void announced(Pledge pledge, String by) {
		if (pledge.programmeId() != null) {
			ledger.record(pledge.programmeId(), pledge.ref(), Stage.PLEDGED, pledge.amount(), pledge.currency(),
					pledge.amountUsd(), pledge.rateMonth());
		}
		events.publishEvent(new PledgeAnnounced(pledge.id(), pledge.donor(), pledge.office(), by));
	}

	private void requireOpenProgramme(long programmeId) {
		if (ledger.target(programmeId).filter(p -> p.status().isOpenForFunding()).isEmpty()) {
			throw new InvalidInputException("programmeId", "programme " + programmeId + " is no longer open for funding");
		}
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
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
