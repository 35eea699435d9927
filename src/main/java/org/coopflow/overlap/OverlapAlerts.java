package org.coopflow.overlap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.coopflow.programmes.OverlapDecision;
import org.coopflow.programmes.OverlapReviewed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import org.coopflow.shared.NotFoundException;
import org.coopflow.shared.ConflictException;
import org.coopflow.overlap.AlertRepository.Alert;
import org.coopflow.overlap.screening.Severity;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Standard;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.coopflow.workflow.TaskFacts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overlap alerts: raising them from what screening found (quiet for pairs already judged, unless a
 * signal changed), who may see which, and the coordinators' joint decision, which a funding proposal
 * waiting on its alerts hears about once the last of them is decided.
 */
@Service
@Transactional
class OverlapAlerts implements AlertReview {

	private final AlertRepository alerts;

	private final ProgrammeCatalogue programmes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final StandardsCatalogue standards;

	OverlapAlerts(AlertRepository alerts, ProgrammeCatalogue programmes, ApplicationEventPublisher events,
			StandardsCatalogue standards, Clock clock) {
		this.alerts = alerts;
		this.clock = clock;
		this.standards = standards;
		this.programmes = programmes;
		this.events = events;
	}

	/** What a recording of findings did. */
	record Raised(List<Long> raised, List<Long> refreshed, int quiet) {

		int total() {
			return raised.size() + refreshed.size();
		}

	}

	/**
	 * Records what a screening found. A pair with an open alert gets the newer score and signals; a pair
	 * already decided stays quiet until {@code changedSince} says a signal changed since the fingerprint
	 * it was decided on, and is then raised anew. Each new alert starts its review.
	 */
	Raised record(List<Finding> findings, Long raisedFor, BiPredicate<String, Finding> changedSince) {
		Instant now = clock.instant();
		List<Long> raised = new ArrayList<>();
		List<Long> refreshed = new ArrayList<>();
		int quiet = 0;
		for (Finding finding : findings) {
			Optional<Alert> latest = alerts.latestOfPair(finding.firstId(), finding.secondId());
			if (latest.isPresent() && latest.get().status() == AlertStatus.OPEN) {
				alerts.refresh(latest.get().id(), finding, now);
				refreshed.add(latest.get().id());
			}
			else if (latest.isPresent() && latest.get().status() != AlertStatus.SUPERSEDED
					&& !changedSince.test(latest.get().fingerprint(), finding)) {
				quiet++;
			}
			else {
				try {
					long id = alerts.insert(finding, raisedFor, now);
					raised.add(id);
					events.publishEvent(new OverlapAlertRaised(id, finding.firstId(), finding.secondId(), finding.severity()));
				}
				catch (DuplicateKeyException race) {
					// another screening of the pair committed its open alert first: bring that one up to date
					Alert open = alerts.latestOfPair(finding.firstId(), finding.secondId()).orElseThrow(() -> race);
					alerts.refresh(open.id(), finding, now);
					refreshed.add(open.id());
				}
			}
		}
		return new Raised(raised, refreshed, quiet);
	}

	/** The alerts still open that involve a programme. */
	@Transactional(readOnly = true)
	List<Long> openAlertsOf(long programmeId) {
		return alerts.involving(programmeId)
			.stream()
			.filter(alert -> alert.status() == AlertStatus.OPEN)
			.map(Alert::id)
			.toList();
	}

	/** {@link #openAlertsOf} in words, for the funding proposal's forms ({@link OpenAlertsInWords}). */
	@Transactional(readOnly = true)
	List<String> openInWords(long programmeId) {
		List<Alert> open = alerts.involving(programmeId)
			.stream()
			.filter(alert -> alert.status() == AlertStatus.OPEN)
			.sorted(java.util.Comparator.comparing(Alert::id))
			.toList();
		return views(open).stream().map(view -> {
			OverlapAlertView.ProgrammeSide other = view.first().id() == programmeId ? view.second() : view.first();
			return "Alert " + view.id() + " (" + severityInWords(view.severity()).toLowerCase(java.util.Locale.ROOT) + ", "
					+ view.similarity() + ") with \"" + other.title() + "\""
					+ (other.office() == null ? "" : " of " + other.office())
					+ ": the coordinators of both offices have not decided yet";
		}).toList();
	}

	// ---- reading

	record Page(List<OverlapAlertView> content, long totalElements) {
	}

	@Transactional(readOnly = true)
	Page search(CoopflowUser user, AlertFilter filter, int page, int size) {
		AlertRepository.Filter visible = visible(user, filter);
		List<Alert> found = alerts.search(visible, page * size, size);
		return new Page(views(found), alerts.count(visible));
	}

	/**
	 * How many of the alerts a user sees share each country and each standard; an alert counts once under
	 * every country and every standard its two programmes share.
	 */
	record Tally(long alerts, Map<String, Long> byCountry, Map<String, Long> byStandard) {
	}

	@Transactional(readOnly = true)
	Tally tally(CoopflowUser user, AlertFilter filter) {
		Map<String, Long> byCountry = new TreeMap<>();
		Map<String, Long> byStandard = new TreeMap<>();
		List<AlertRepository.Shared> shared = alerts.shared(visible(user, filter));
		for (AlertRepository.Shared alert : shared) {
			alert.countries().forEach(code -> byCountry.merge(code, 1L, Long::sum));
			alert.standards().forEach(code -> byStandard.merge(code, 1L, Long::sum));
		}
		return new Tally(shared.size(), byCountry, byStandard);
	}

	private static AlertRepository.Filter visible(CoopflowUser user, AlertFilter filter) {
		return new AlertRepository.Filter(filter.status(), filter.severity(), filter.office(), filter.country(),
				filter.standard(), visibleOffices(user));
	}

	/** The alerts on one programme that the user may see, newest first. */
	@Transactional(readOnly = true)
	List<OverlapAlertView> involving(CoopflowUser user, long programmeId) {
		Set<String> visible = visibleOffices(user);
		List<Alert> found = alerts.involving(programmeId)
			.stream()
			.filter(alert -> visible == null || alert.offices().stream().anyMatch(visible::contains))
			.sorted(java.util.Comparator.comparing(Alert::id).reversed())
			.toList();
		return views(found);
	}

	@Transactional(readOnly = true)
	OverlapAlertView get(CoopflowUser user, long id) {
		Alert alert = alerts.find(id).orElseThrow(() -> notFound(id));
		Set<String> visible = visibleOffices(user);
		if (visible != null && alert.offices().stream().noneMatch(visible::contains)) {
			throw notFound(id);
		}
		return views(List.of(alert)).get(0);
	}

	/**
	 * Coordinators and admins see every alert; officers those on their own office's programmes (read
	 * only); donors none.
	 * @return the offices whose alerts the user sees, or null for all
	 */
	private static Set<String> visibleOffices(CoopflowUser user) {
		return switch (user.getRole()) {
			case COORDINATOR, ADMIN -> null;
			case PROGRAMME_OFFICER -> Set.of(user.getOffice().name());
			case DONOR -> throw new AccessDeniedException("Overlap alerts are for the offices' coordinators and officers.");
		};
	}

	private List<OverlapAlertView> views(List<Alert> found) {
		List<Long> ids = found.stream().flatMap(a -> java.util.stream.Stream.of(a.firstId(), a.secondId())).distinct().toList();
		Map<Long, ProgrammeView> byId = programmes.findAll(ids)
			.stream()
			.collect(Collectors.toMap(ProgrammeView::id, p -> p));
		return found.stream()
			.map(a -> new OverlapAlertView(a.id(), side(byId.get(a.firstId()), a.firstId()),
					side(byId.get(a.secondId()), a.secondId()), a.sameOffice(), a.score(), a.severity(), a.signals(),
					a.countries(), a.standards(), a.status(), a.decision(), a.decisionReason(), a.decidedBy(),
					a.decidedAt(), a.raisedFor(), a.raisedAt(), a.version()))
			.toList();
	}

	private static OverlapAlertView.ProgrammeSide side(ProgrammeView p, long id) {
		if (p == null) {
			return new OverlapAlertView.ProgrammeSide(id, null, "(programme " + id + " no longer exists)", null, List.of(),
					List.of(), null, null);
		}
		return new OverlapAlertView.ProgrammeSide(p.id(), p.office().name(), p.title(), p.status().name(), p.countries(),
				p.standards(), p.plannedStart(), p.plannedEnd());
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("Overlap alert " + id + " does not exist.");
	}

	// ---- the review process

	@Override
	@Transactional(readOnly = true)
	public AlertFacts facts(long alertId) {
		Alert alert = alerts.find(alertId).orElseThrow(() -> notFound(alertId));
		return new AlertFacts(alertId, severityInWords(alert.severity()), scoreInWords(alert.score()), alert.sameOffice(),
				alert.signals()
					.stream()
					.map(s -> OverlapPagesController.signalName(s.name()) + " (+" + s.contribution().toPlainString() + "): "
							+ s.detail())
					.collect(Collectors.joining("\n")),
				programmeSide(alert.firstId()), programmeSide(alert.secondId()));
	}

	private static String severityInWords(String severity) {
		try {
			return Severity.valueOf(severity).label();
		}
		catch (IllegalArgumentException | NullPointerException e) {
			return severity == null ? "" : severity;
		}
	}

	/** "59.8 % similar": the score is what the signals added up to, out of 1. */
	static String scoreInWords(BigDecimal score) {
		return score == null ? "" : score.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " % similar";
	}

	private ProgrammeSide programmeSide(long id) {
		return programmes.find(id)
			.map(p -> new ProgrammeSide(p.id(), p.office().label(), p.title(), p.description(),
					p.countries().stream().map(CountryNames::name).collect(Collectors.joining("; ")),
					p.standards()
						.stream()
						.map(code -> standards.find(code).map(Standard::title).orElse(code))
						.collect(Collectors.joining("; ")),
					TaskFacts.period(p.plannedStart(), p.plannedEnd()), orEmpty(p.beneficiaryInstitution()),
					orEmpty(p.implementingPartner()), p.status().label()))
			.orElse(new ProgrammeSide(id, "", "(programme " + id + " no longer exists)", "", "", "", "", "", "", ""));
	}

	@Override
	public void decide(long alertId, CoordinatorDecision decision, String reason, List<String> decidedBy) {
		Alert alert = alerts.find(alertId).orElseThrow(() -> notFound(alertId));
		if (decision.needsReason() && (reason == null || reason.isBlank())) {
			throw new org.coopflow.shared.InvalidInputException("reason", "say why the programmes do not overlap");
		}
		if (!alerts.decide(alertId, decision, reason == null ? null : reason.trim(), String.join(", ", decidedBy),
				clock.instant())) {
			throw new ConflictException("Overlap alert " + alertId + " is " + alert.status() + ", no longer open.");
		}
		events.publishEvent(new OverlapAlertDecided(alertId, alert.firstId(), alert.secondId(), decision));
		for (long programmeId : new long[] { alert.firstId(), alert.secondId() }) {
			tellProposalWhenAllDecided(programmeId);
		}
	}

	/**
	 * A proposal waits for all the alerts on it; once none is open, it hears the strictest decision
	 * among those decided since it was last screened (a withdrawal outweighs a revision, which
	 * outweighs continuing).
	 */
	private void tellProposalWhenAllDecided(long programmeId) {
		List<Alert> involving = alerts.involving(programmeId);
		if (involving.stream().anyMatch(a -> a.status() == AlertStatus.OPEN)) {
			return;
		}
		Instant since = involving.stream()
			.filter(a -> a.raisedFor() != null && a.raisedFor() == programmeId)
			.map(Alert::raisedAt)
			.max(Comparator.naturalOrder())
			.orElse(Instant.EPOCH);
		Map<OverlapDecision, List<Alert>> byOutcome = new LinkedHashMap<>();
		involving.stream()
			.filter(a -> a.decision() != null && a.decidedAt() != null && !a.decidedAt().isBefore(since))
			.forEach(a -> byOutcome.computeIfAbsent(a.decision().forProposal(), d -> new ArrayList<>()).add(a));
		if (byOutcome.isEmpty()) {
			return;
		}
		OverlapDecision strictest = byOutcome.containsKey(OverlapDecision.WITHDRAW) ? OverlapDecision.WITHDRAW
				: byOutcome.containsKey(OverlapDecision.REVISE) ? OverlapDecision.REVISE : OverlapDecision.CONTINUE;
		String comment = byOutcome.get(strictest)
			.stream()
			.map(a -> "Alert " + a.id() + " (programmes " + a.firstId() + " and " + a.secondId() + "): " + a.decision()
					+ (a.decisionReason() == null ? "" : ", " + a.decisionReason()))
			.collect(Collectors.joining("; "));
		events.publishEvent(new OverlapReviewed(programmeId, strictest, comment));
	}

	@Override
	public void propose(long alertId, String office, CoordinatorDecision decision, String reason, String by) {
		alerts.propose(alertId, office, decision, reason, by, clock.instant());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Proposal> proposals(long alertId) {
		return alerts.proposals(alertId);
	}

	@Override
	@Transactional(readOnly = true)
	public void remind(long alertId) {
		Alert alert = alerts.find(alertId).orElseThrow(() -> notFound(alertId));
		events.publishEvent(new OverlapAlertOverdue(alertId, alert.firstId(), alert.secondId(), false));
	}

	@Override
	@Transactional(readOnly = true)
	public void escalate(long alertId) {
		Alert alert = alerts.find(alertId).orElseThrow(() -> notFound(alertId));
		events.publishEvent(new OverlapAlertOverdue(alertId, alert.firstId(), alert.secondId(), true));
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

	static boolean isCoordinatorOrAdmin(CoopflowUser user) {
		return user.getRole() == Role.COORDINATOR || user.getRole() == Role.ADMIN;
	}

}
