package org.coopflow.overlap;

import org.coopflow.programmes.OverlapReviewed;
import java.util.List;
import java.util.Map;

/**
 * What the overlap review process does to an alert. Each call is recorded with the alert; the
 * process holds only the alert's id and, once the offices differed, the decision they settled.
 */
interface AlertReview {

	/** The facts the review forms show, side by side. */
	AlertFacts facts(long alertId);

	/**
	 * Records the joint decision. When it was the last open alert raised for a proposal, the funding
	 * proposal process is told (an {@link OverlapReviewed} event), with the strictest outcome of all
	 * the proposal's alerts.
	 * @param decidedBy the coordinators who decided (both offices')
	 */
	void decide(long alertId, CoordinatorDecision decision, String reason, List<String> decidedBy);

	/**
	 * Keeps an office's proposal as its coordinator made it, outside the process's variables: the other
	 * office's coordinator could read those through the engine's task and history APIs before proposing,
	 * and a completion through the engine's REST API could overwrite them.
	 */
	void propose(long alertId, String office, CoordinatorDecision decision, String reason, String by);

	/** The proposals kept so far, by office. */
	Map<String, Proposal> proposals(long alertId);

	record Proposal(CoordinatorDecision decision, String reason, String by) {
	}

	/** Ten working days passed: the coordinators are reminded (mail). */
	void remind(long alertId);

	/** Still undecided after the reminder: the administrators are asked to step in (mail). */
	void escalate(long alertId);

	/** The facts of an alert and its two programmes, as text a form can show. */
	record AlertFacts(long alertId, String severity, String score, boolean sameOffice, String signals,
			ProgrammeSide first, ProgrammeSide second) {
	}

	record ProgrammeSide(long programmeId, String office, String title, String description, String countries,
			String standards, String period, String institution, String partner, String status) {
	}

}
