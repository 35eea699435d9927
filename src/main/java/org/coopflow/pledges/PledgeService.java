package org.coopflow.pledges;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.coopflow.reference.Office;
import org.coopflow.security.CoopflowUser;
import org.coopflow.shared.InvalidField;
import org.coopflow.pledges.PledgeView.PledgeEventView;
import org.springframework.stereotype.Service;

/**
 * What other modules do with pledges (donor pages, mails, reports, demo data), in one public place, while
 * the use cases behind it stay package-private: {@link PledgeIntake}, {@link PledgeRequestCheck},
 * {@link PledgeClosing}, {@link PledgePayments} and {@link PledgeQueries}.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class PledgeService {

	private final PledgeIntake intake;

	private final PledgeRequestCheck requests;

	private final PledgeClosing closing;

	private final PledgePayments payments;

	private final PledgeQueries queries;

	PledgeService(PledgeIntake intake, PledgeRequestCheck requests, PledgeClosing closing, PledgePayments payments,
			PledgeQueries queries) {
		this.intake = intake;
		this.requests = requests;
		this.closing = closing;
		this.payments = payments;
		this.queries = queries;
	}

	/** The result of an intake: the pledge, and whether this request created it or repeated an earlier one. */
	@org.springframework.modulith.NamedInterface("api")
	public record Intake(PledgeView pledge, boolean replayed) {
	}

	@org.springframework.modulith.NamedInterface("api")
	public record Page(List<PledgeView> content, long totalElements) {
	}

	/**
	 * Records a donor's pledge for the donor's own Member State, in the caller's transaction; the same
	 * Idempotency-Key and body return the pledge made the first time.
	 */
	public PledgeView create(CoopflowUser donor, PledgeRequest request, String idempotencyKey) {
		return intake.create(donor, request, idempotencyKey);
	}

	/**
	 * What is wrong with a pledge request, all at once, without recording anything: lets a form that could
	 * not even read some fields still name every other problem.
	 */
	public List<InvalidField> problems(CoopflowUser donor, PledgeRequest request) {
		return requests.problems(request);
	}

	/** A donor takes back a pledge not yet agreed. */
	public PledgeView withdraw(CoopflowUser donor, long id, String reason) {
		return closing.withdraw(donor, id, reason);
	}

	/** A donor reports a transfer, or an officer of the office records one seen on the bank statement. */
	public PledgeView reportPayment(CoopflowUser user, long id, PaymentReport report) {
		return payments.reportPayment(user, id, report);
	}

	/** A pledge the user may see. */
	public PledgeView get(CoopflowUser user, long id) {
		return queries.get(user, id);
	}

	/** Any pledge, for modules that act on the process's behalf (mails, demo data). */
	public PledgeView view(long id) {
		return queries.view(id);
	}

	/** A donor's own Member State's pledges (newest first); officers, coordinators and admins see all. */
	public List<PledgeView> list(CoopflowUser user) {
		return queries.list(user);
	}

	/**
	 * The pledges the user may see (a donor's own Member State's) that are neither drafts nor settled and
	 * still owe money on an instalment due on or before the day, newest first: however many pledges there
	 * are, only these are read.
	 */
	public List<PledgeView> owingInstalmentsDueBy(CoopflowUser user, LocalDate day) {
		return queries.owingInstalmentsDueBy(user, day);
	}

	public Page search(CoopflowUser user, PledgeStatus status, Long programmeId, Office office, int page, int size) {
		return queries.search(user, status, programmeId, office, page, size);
	}

	/**
	 * The page, of {@code size} pledges newest first, on which a pledge stands among those the user may
	 * see, so that a link to one pledge opens the page that shows it.
	 */
	public int pageOf(CoopflowUser user, long id, int size) {
		return queries.pageOf(user, id, size);
	}

	public List<PledgeEventView> timeline(CoopflowUser user, long id) {
		return queries.timeline(user, id);
	}

	/**
	 * The timelines of several pledges at once (up to 1,000), by pledge id, in one query: what a page of
	 * pledges shows. A pledge the user may not see has no entry, as one without events.
	 */
	public Map<Long, List<PledgeEventView>> timelines(CoopflowUser user, Collection<Long> ids) {
		return queries.timelines(user, ids);
	}

	/** Member States whose agreed pledges are allocated to the programme. */
	public List<String> donorsOfProgramme(long programmeId) {
		return queries.donorsOfProgramme(programmeId);
	}


	/**
	 * What the pledges funding the programmes did with their money (announced, agreed, receipts confirmed),
	 * in the pledge currency, for publishing; up to 1,000 programmes at once.
	 */
	public List<PledgeFlow> flowsOf(List<Long> programmeIds) {
		return queries.flowsOf(programmeIds);
	}

}
