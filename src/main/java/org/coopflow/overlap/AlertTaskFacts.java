package org.coopflow.overlap;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coopflow.overlap.AlertReview.AlertFacts;
import org.coopflow.overlap.AlertReview.ProgrammeSide;
import org.coopflow.overlap.OverlapReviewProcess.Elements;
import org.coopflow.overlap.OverlapReviewProcess.OfficeReview;
import org.coopflow.overlap.OverlapReviewProcess.Variables;
import org.coopflow.security.UserDirectory;
import org.coopflow.workflow.TaskFacts;
import org.springframework.stereotype.Component;

/**
 * What the overlap review's forms show side by side, read from the alert's record whenever a form is
 * opened, so that a coordinator sees the score, signals and statuses the alert page shows. "Settle joint
 * decision" also shows each office's proposal.
 */
@Component
class AlertTaskFacts implements TaskFacts {

	private final AlertReview review;

	private final UserDirectory people;

	AlertTaskFacts(AlertReview review, UserDirectory people) {
		this.review = review;
		this.people = people;
	}

	@Override
	public String processKey() {
		return OverlapReviewProcess.PROCESS_KEY;
	}

	@Override
	public Map<String, Object> of(DelegateTask task) {
		AlertFacts facts = review.facts(OverlapReviewProcess.ALERT.of(task));
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put(Variables.SEVERITY, orEmpty(facts.severity()));
		shown.put(Variables.SCORE, orEmpty(facts.score()));
		shown.put(Variables.PAIRING, facts.sameOffice()
				? "Inside one office (" + orEmpty(facts.first().office()) + "): a duplicate all the same"
				: "Across the two offices");
		shown.put(Variables.SIGNALS, orEmpty(facts.signals()));
		side(facts.first(), shown, Variables.FIRST_OFFICE, Variables.FIRST_TITLE, Variables.FIRST_DESCRIPTION,
				Variables.FIRST_COUNTRIES, Variables.FIRST_STANDARDS, Variables.FIRST_PERIOD, Variables.FIRST_INSTITUTION,
				Variables.FIRST_PARTNER, Variables.FIRST_STATUS);
		side(facts.second(), shown, Variables.SECOND_OFFICE, Variables.SECOND_TITLE, Variables.SECOND_DESCRIPTION,
				Variables.SECOND_COUNTRIES, Variables.SECOND_STANDARDS, Variables.SECOND_PERIOD,
				Variables.SECOND_INSTITUTION, Variables.SECOND_PARTNER, Variables.SECOND_STATUS);
		if (Elements.TASK_SETTLE_JOINT_DECISION.equals(task.getTaskDefinitionKey())) {
			Map<String, AlertReview.Proposal> proposed = review.proposals(facts.alertId());
			for (OfficeReview office : OfficeReview.values()) {
				AlertReview.Proposal proposal = proposed.get(office.office().name());
				shown.put(office.proposalVariable(), proposal == null ? "" : OverlapReviewProcess.inWords(proposal.decision())
						+ " (proposed by " + people.displayNameOf(proposal.by()) + ")");
				shown.put(office.proposalReasonVariable(), proposal == null || proposal.reason() == null ? "" : proposal.reason());
			}
		}
		return shown;
	}

	private static void side(ProgrammeSide side, Map<String, Object> shown, String office, String title,
			String description, String countries, String standards, String period, String institution, String partner,
			String status) {
		shown.put(office, orEmpty(side.office()));
		shown.put(title, orEmpty(side.title()));
		shown.put(description, orEmpty(side.description()));
		shown.put(countries, orEmpty(side.countries()));
		shown.put(standards, orEmpty(side.standards()));
		shown.put(period, orEmpty(side.period()));
		shown.put(institution, orEmpty(side.institution()));
		shown.put(partner, orEmpty(side.partner()));
		shown.put(status, orEmpty(side.status()));
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

}
