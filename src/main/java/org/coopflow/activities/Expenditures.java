package org.coopflow.activities;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.coopflow.activities.ActivityEvents.SpendingOverrideRecorded;
import org.coopflow.activities.ExpenditureRepository.NewExpenditure;
import org.coopflow.activities.ImplementationRepository.Implementation;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.reference.Currencies;
import org.coopflow.security.CoopflowUser;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money spent on activities, in the programme currency, checked against the funds the programme has
 * received: beyond them only with an officer's reason, which the coordinators are told.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional
public class Expenditures {

	private final ExpenditureRepository expenditures;

	private final ImplementationRepository implementations;

	private final ActivityAccess access;

	private final ProgrammeCatalogue programmes;

	private final Currencies currencies;

	private final RequestChecks checks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Expenditures(ExpenditureRepository expenditures, ImplementationRepository implementations, ActivityAccess access,
			ProgrammeCatalogue programmes, Currencies currencies, RequestChecks checks,
			ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.expenditures = expenditures;
		this.implementations = implementations;
		this.access = access;
		this.programmes = programmes;
		this.currencies = currencies;
		this.checks = checks;
		this.events = events;
	}

	/** A record of the outcome of an expenditure request; {@code created} is false for a replayed key. */
	@org.springframework.modulith.NamedInterface("api")
	public record Recorded(ExpenditureView expenditure, boolean created) {
	}

	@Transactional(readOnly = true)
	public List<ExpenditureView> of(CoopflowUser user, long activityId) {
		access.readable(user, activityId);
		return expenditures.ofActivity(activityId);
	}

	/**
	 * Records money spent on an activity. The programme's implementation row is locked first, so that two
	 * officers spending at once are checked one after the other against the funds received, and a retried
	 * request with the same Idempotency-Key finds the first one's expenditure instead of spending twice.
	 */
	public Recorded record(CoopflowUser user, long activityId, ExpenditureRequest request, String idempotencyKey) {
		ActivityView activity = access.writable(user, activityId, "record expenditure");
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw new InvalidInputException("Idempotency-Key", "must be 1 to 200 characters, e.g. a UUID");
		}
		check(request, activity);
		Implementation implementation = implementations.lock(activity.programmeId()).orElseThrow();
		if (idempotencyKey != null) {
			Optional<Recorded> replayed = replay(user, activityId, request, idempotencyKey);
			if (replayed.isPresent()) {
				return replayed.get();
			}
		}
		if (implementation.stage() == ImplementationStage.CLOSED) {
			throw new ConflictException("Programme " + activity.programmeId() + " is closed; nothing more is spent on it.");
		}
		if (activity.status() == ActivityStatus.CANCELLED) {
			throw new ConflictException("Activity " + activityId + " is CANCELLED; nothing is spent on it.");
		}
		BigDecimal received = programmes.received(activity.programmeId()).setScale(2);
		BigDecimal after = expenditures.spentOnProgramme(activity.programmeId()).add(request.amount());
		boolean override = after.compareTo(received) > 0;
		String reason = RequestChecks.blankToNull(request.overrideReason());
		if (override && reason == null) {
			throw new InvalidInputException("amount", "would bring spending on the programme to " + after.toPlainString()
					+ " " + activity.currency() + ", above the " + received.toPlainString()
					+ " received; an officer may override this by sending overrideReason");
		}
		// a reason without an override is not recorded as one: the record says what happened
		long id = expenditures.insert(new NewExpenditure(activityId, activity.programmeId(), request.amount(),
				request.spentOn(), request.description(), received, override ? reason : null, idempotencyKey,
				user.getUsername(), clock.instant()));
		if (override) {
			events.publishEvent(new SpendingOverrideRecorded(id, activityId, activity.programmeId(), activity.office(),
					request.amount(), activity.currency(), received, reason, user.getUsername()));
		}
		return new Recorded(expenditures.find(id).orElseThrow(), true);
	}

	private void check(ExpenditureRequest request, ActivityView activity) {
		List<InvalidField> errors = checks.violations(request);
		if (request.currency() != null && !request.currency().equals(activity.currency())) {
			errors.add(new InvalidField("currency", "must be " + activity.currency() + ", the programme currency"));
		}
		currencies.checkDecimals("amount", request.amount(), activity.currency(), errors);
		if (request.spentOn() != null
				&& request.spentOn().isAfter(LocalDate.now(clock))) {
			errors.add(new InvalidField("spentOn", "must not be in the future; record spending once it is made"));
		}
		RequestChecks.throwIfAny(errors);
	}

	/** The first expenditure recorded with the user's key; a 409 when the key was used for another one. */
	private Optional<Recorded> replay(CoopflowUser user, long activityId, ExpenditureRequest request,
			String idempotencyKey) {
		return expenditures.findByKey(user.getUsername(), idempotencyKey).map(first -> {
			if (first.activityId() != activityId || first.amount().compareTo(request.amount()) != 0) {
				throw new ConflictException("The Idempotency-Key '" + idempotencyKey
						+ "' was used for another expenditure; use a new key for a new expenditure.");
			}
			return new Recorded(first, false);
		});
	}

}
