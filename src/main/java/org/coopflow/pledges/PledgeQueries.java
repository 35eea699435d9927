package org.coopflow.pledges;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.pledges.PledgeService.Page;
import org.coopflow.pledges.PledgeView.InstalmentView;
import org.coopflow.pledges.PledgeView.PaymentView;
import org.coopflow.pledges.PledgeView.PledgeEventView;
import org.coopflow.pledges.PledgeView.RevisionView;
import org.coopflow.reference.Currencies;
import org.coopflow.reference.Office;
import org.coopflow.security.CoopflowUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading pledges: one, a page of them, their timeline, revisions and totals, each confined to what the
 * reader may see, and the facts the pledge process reads from the record rather than from its variables.
 */
@Component
@Transactional(readOnly = true)
class PledgeQueries {

	/** What the pledge process reads from the record rather than from its variables. */
	record ProcessFacts(long pledgeId, String donor, Office office, PledgeStatus status,
			boolean earmarkedToProgramme, Long programmeId, LocalDate lapseDate, List<InstalmentView> instalments,
			boolean paid) {
	}

	private final PledgeRepository pledges;

	private final PledgeAccess access;

	private final PledgeViews views;

	private final PledgeMoney money;

	PledgeQueries(PledgeRepository pledges, PledgeAccess access, PledgeViews views, PledgeMoney money) {
		this.pledges = pledges;
		this.access = access;
		this.views = views;
		this.money = money;
	}

	PledgeView get(CoopflowUser user, long id) {
		return views.view(access.visible(user, id));
	}

	/** Any pledge, for the process and the modules it tells. */
	PledgeView view(long id) {
		return views.view(access.pledge(id));
	}

	/** A donor's own Member State's pledges (newest first); officers, coordinators and admins see all. */
	List<PledgeView> list(CoopflowUser user) {
		return search(user, null, null, null, 0, 1000).content();
	}

	Page search(CoopflowUser user, PledgeStatus status, Long programmeId, Office office, int page, int size) {
		String donor = PledgeAccess.scopeOf(user);
		List<PledgeView> content = views.views(pledges.list(donor, status, programmeId, office, page * size, size));
		return new Page(content, pledges.count(donor, status, programmeId, office));
	}

	/** The pledges the user may see that still owe money on an instalment due by the day, newest first. */
	List<PledgeView> owingInstalmentsDueBy(CoopflowUser user, LocalDate day) {
		List<Pledge> owing = pledges.owingInstalmentsDueBy(PledgeAccess.scopeOf(user), day);
		List<PledgeView> shown = new java.util.ArrayList<>(owing.size());
		// in slices, as a page of pledges is read: each slice's instalments and payments in one query
		for (int from = 0; from < owing.size(); from += 500) {
			shown.addAll(views.views(owing.subList(from, Math.min(owing.size(), from + 500))));
		}
		return shown;
	}

	/** The page of {@link #search}'s list (no filter, newest first) on which the pledge stands. */
	int pageOf(CoopflowUser user, long id, int size) {
		return (int) (pledges.countNewer(PledgeAccess.scopeOf(user), id) / size);
	}

	List<PledgeEventView> timeline(CoopflowUser user, long id) {
		access.visible(user, id);
		return pledges.events(id);
	}

	/** The timelines of those of the pledges the user may see, in one query; the others are left out. */
	Map<Long, List<PledgeEventView>> timelines(CoopflowUser user, Collection<Long> ids) {
		return pledges.eventsOf(ids, PledgeAccess.scopeOf(user));
	}

	List<RevisionView> revisions(CoopflowUser user, long id) {
		access.visible(user, id);
		return pledges.revisions(id).stream().map(r -> {
			List<InstalmentView> instalments = pledges.instalments(id, r.revision())
				.stream()
				.map(i -> new InstalmentView(i.seq(), i.dueDate(), money.scaled(i.amount(), r.currency()), null, false))
				.toList();
			return new RevisionView(r.revision(), money.scaled(r.amount(), r.currency()), r.currency(), r.rate().unitsPerUsd(),
					r.rate().rateMonth().toString().substring(0, 7), r.rate().amountUsd(), r.lapseDate(), instalments,
					r.reason(), r.createdBy(), r.createdAt());
		}).toList();
	}

	/** Totals of the pledges the user may see (all but drafts), per status and currency, and in USD. */
	PledgeTotals totals(CoopflowUser user) {
		return PledgeTotals.of(pledges.totalsByStatusAndCurrency(PledgeAccess.scopeOf(user))
			.stream()
			.map(t -> new PledgeTotals.Line(t.status(), t.currency(), t.pledges(), money.scaled(t.amount(), t.currency()),
					Currencies.roundUsd(t.amountUsd())))
			.toList());
	}

	/** Member States whose agreed pledges are allocated to the programme. */
	List<String> donorsOfProgramme(long programmeId) {
		return pledges.donorsOfProgramme(programmeId);
	}

	/** The money steps of the pledges funding the programmes (up to 1,000 at once). */
	List<PledgeFlow> flowsOf(List<Long> programmeIds) {
		return pledges.flowsOf(programmeIds);
	}

	/**
	 * The pledge's row alone, for what the process reads that needs neither its schedule nor its payments:
	 * one query where {@link #facts} costs two and {@link #view} four.
	 */
	Pledge pledge(long id) {
		return access.pledge(id);
	}

	ProcessFacts facts(long id) {
		Pledge pledge = access.pledge(id);
		return new ProcessFacts(id, pledge.donor(), pledge.office(), pledge.status(), pledge.programmeId() != null,
				pledge.programmeId(), pledge.lapseDate(), views.schedule(pledge), pledge.status() == PledgeStatus.PAID);
	}

	/** The oldest reported payment not yet confirmed or found missing. */
	Optional<PaymentView> nextPaymentToConfirm(long id) {
		Pledge pledge = access.pledge(id);
		return pledges.payments(id)
			.stream()
			.filter(p -> p.status() == PaymentStatus.REPORTED)
			.findFirst()
			.map(p -> views.payment(p, pledge.currency()));
	}

}
