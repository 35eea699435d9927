package org.coopflow.programmes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coopflow.programmes.FundingProposalProcess.Variables;
import org.coopflow.reference.Amounts;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Standard;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.security.UserDirectory;
import org.coopflow.workflow.TaskFacts;
import org.springframework.stereotype.Component;

/**
 * What the funding proposal process's forms show, read from the programme's record whenever a form is
 * opened, in words: the office, countries and standards by name, the submitter by display name, the
 * budget as people write amounts; with the writers' notes for the reviewer and the overlap alerts still
 * open on it, so that nobody approves a proposal the coordinators may yet find a duplicate unawares.
 */
@Component
class ProposalTaskFacts implements TaskFacts {

	/** The names {@link #of} gives, whatever the task. */
	private static final Set<String> NAMES = Set.of(Variables.TITLE, Variables.OFFICE_NAME, Variables.COUNTRIES,
			Variables.STANDARDS, Variables.PLANNED_PERIOD, Variables.BUDGET, Variables.DESCRIPTION,
			Variables.SUBMITTED_BY, Variables.STATUS, Variables.REVIEW_NOTES, Variables.OPEN_OVERLAP_ALERTS);

	private final ProposalLifecycle lifecycle;

	private final StandardsCatalogue standards;

	private final UserDirectory people;

	private final OpenOverlapAlerts openAlerts;

	ProposalTaskFacts(ProposalLifecycle lifecycle, StandardsCatalogue standards, UserDirectory people,
			OpenOverlapAlerts openAlerts) {
		this.lifecycle = lifecycle;
		this.standards = standards;
		this.people = people;
		this.openAlerts = openAlerts;
	}

	@Override
	public String processKey() {
		return FundingProposalProcess.PROCESS_KEY;
	}

	/**
	 * What {@link #of} gives, by the task alone: a completion that sends none of them reads neither the
	 * programme nor its open alerts.
	 */
	@Override
	public Set<String> names(DelegateTask task) {
		return NAMES;
	}

	@Override
	public Map<String, Object> of(DelegateTask task) {
		ProposalFacts facts = lifecycle.facts(FundingProposalProcess.PROGRAMME.of(task));
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put(Variables.TITLE, orEmpty(facts.title()));
		shown.put(Variables.OFFICE_NAME, facts.office() == null ? "" : facts.office().label());
		shown.put(Variables.COUNTRIES, names(facts.countries(), CountryNames::name));
		shown.put(Variables.STANDARDS,
				names(facts.standards(), code -> standards.find(code).map(Standard::title).orElse(code)));
		shown.put(Variables.PLANNED_PERIOD, TaskFacts.period(facts.plannedStart(), facts.plannedEnd()));
		shown.put(Variables.BUDGET, Amounts.format(facts.budgetCurrency(), facts.budgetAmount()));
		shown.put(Variables.DESCRIPTION, orEmpty(facts.description()));
		shown.put(Variables.SUBMITTED_BY, people.displayNameOf(facts.submittedBy()));
		shown.put(Variables.STATUS, facts.status() == null ? "" : facts.status().label());
		shown.put(Variables.REVIEW_NOTES,
				facts.reviewNotes() == null || facts.reviewNotes().isBlank() ? "None" : facts.reviewNotes().strip());
		List<String> alerts = openAlerts.of(facts.programmeId());
		shown.put(Variables.OPEN_OVERLAP_ALERTS, alerts.isEmpty() ? "None" : String.join("\n", alerts));
		return shown;
	}

	private static String names(List<String> codes, java.util.function.Function<String, String> name) {
		return codes == null || codes.isEmpty() ? "" : codes.stream().map(name).collect(Collectors.joining("; "));
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

}
