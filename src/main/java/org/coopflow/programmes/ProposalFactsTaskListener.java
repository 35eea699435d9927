package org.coopflow.programmes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.programmes.FundingProposalProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of the funding proposal process the facts its form shows, as task-local text.
 * Local, so that they vanish with the task instead of becoming process variables that go stale while
 * the programme changes; a form that submits them back only rewrites the task's own copy.
 */
@Component
class ProposalFactsTaskListener implements TaskListener {

	private final ProposalLifecycle lifecycle;

	ProposalFactsTaskListener(ProposalLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void notify(DelegateTask task) {
		ProposalFacts facts = lifecycle.facts(ProposalVariables.programmeId(task));
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put(Variables.TITLE, orEmpty(facts.title()));
		shown.put(Variables.OFFICE_NAME, facts.office() == null ? "" : facts.office().name());
		shown.put(Variables.COUNTRIES, joined(facts.countries()));
		shown.put(Variables.STANDARDS, joined(facts.standards()));
		shown.put(Variables.PLANNED_PERIOD, period(facts.plannedStart(), facts.plannedEnd()));
		shown.put(Variables.BUDGET, money(facts.budgetAmount(), facts.budgetCurrency()));
		shown.put(Variables.DESCRIPTION, shortened(orEmpty(facts.description())));
		shown.put(Variables.SUBMITTED_BY, orEmpty(facts.submittedBy()));
		shown.put(Variables.STATUS, facts.status() == null ? "" : facts.status().name());
		task.setVariablesLocal(shown);
	}

	/**
	 * Camunda keeps a string variable in a 4,000-character column; a longer description is shown cut,
	 * and the full text stays one click away in coopflow.
	 */
	static String shortened(String text) {
		return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + " … (shortened; full text in coopflow)";
	}

	static final int MAX_SHOWN = 3900;

	static String period(LocalDate start, LocalDate end) {
		if (start == null && end == null) {
			return "not planned yet";
		}
		return (start == null ? "?" : start.toString()) + " to " + (end == null ? "?" : end.toString());
	}

	/** "250000.00 USD": as many decimals as the currency has, so that yen show none. */
	static String money(BigDecimal amount, String currency) {
		if (amount == null) {
			return "";
		}
		if (currency == null || currency.isBlank()) {
			return amount.toPlainString();
		}
		int decimals;
		try {
			decimals = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException e) {
			decimals = amount.scale();
		}
		return amount.setScale(Math.max(decimals, 0), RoundingMode.HALF_UP).toPlainString() + " " + currency;
	}

	private static String joined(List<String> values) {
		return values == null || values.isEmpty() ? "" : String.join(", ", values);
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

}
