package org.coopflow.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.coopflow.publishing.IatiActivity.Budget;
import org.coopflow.publishing.IatiActivity.Share;
import org.coopflow.publishing.IatiActivity.Transaction;
import org.coopflow.publishing.IatiRules.Violation;
import org.junit.jupiter.api.Test;

/** The rule checker on hand-built activities: a good one passes and is valid; known-bad ones name their rule. */
class IatiRulesTests {

	private final IatiRules rules = new IatiRules(Codelists.get());

	private List<String> broken(IatiActivity activity) {
		return rules.check(activity, TestActivities.TODAY).stream().map(Violation::rule).toList();
	}

	@Test
	void aGoodActivityBreaksNoRuleAndItsFileIsValid() throws Exception {
		IatiActivity good = TestActivities.good();
		assertThat(rules.check(good, TestActivities.TODAY)).isEmpty();
		byte[] file = TestActivities.file(List.of(good));
		IatiFileCheck.validate(file);
		assertThat(IatiFileCheck.problems(file)).isEmpty();
	}

	@Test
	void resultsWithIndicatorsBaselinesTargetsAndActualsBreakNoRuleAndTheirFileIsValid() throws Exception {
		IatiActivity good = TestActivities.withResults();
		assertThat(rules.check(good, TestActivities.TODAY)).isEmpty();
		byte[] file = TestActivities.file(List.of(good));
		IatiFileCheck.validate(file);
		assertThat(IatiFileCheck.problems(file)).isEmpty();
		String xml = new String(file, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(xml).contains("<result type=\"2\">", "<indicator measure=\"1\" ascending=\"1\">",
				"<baseline iso-date=\"2025-12-31\" year=\"2025\" value=\"0\">", "<target value=\"40\">",
				"<actual value=\"45\">", "<indicator measure=\"5\">",
				"<document-link url=\"https://www.unodc.org/documents/justice-and-prison-reform/Nelson_Mandela_Rules-E-ebook.pdf\" format=\"application/pdf\">",
				"<category code=\"A08\"/>", "<language code=\"sw\"/>");
	}

	@Test
	void aNumericTargetWithoutAValueAPeriodEndingBeforeItStartsAndAValuedQualitativeActualAreRefusedByRule() {
		IatiActivity a = TestActivities.withResults();
		var result = a.results().get(0);
		var numeric = result.indicators().get(0);
		var qualitative = result.indicators().get(1);
		var noTargetValue = new IatiActivity.Indicator(numeric.measure(), true, numeric.title(), null, numeric.baseline(),
				List.of(new IatiActivity.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
						new IatiActivity.Measured(null, "about forty"), null)));
		var backwards = new IatiActivity.Indicator(numeric.measure(), true, numeric.title(), null, numeric.baseline(),
				List.of(new IatiActivity.Period(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 1, 1),
						new IatiActivity.Measured("40", null), null)));
		var valuedText = new IatiActivity.Indicator(qualitative.measure(), true, qualitative.title(), null, null,
				List.of(new IatiActivity.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
						new IatiActivity.Measured(null, "better"), new IatiActivity.Measured("3", "better"))));
		for (var bad : List.of(noTargetValue, backwards, valuedText)) {
			IatiActivity activity = TestActivities.withResults(a,
					List.of(new IatiActivity.Result(result.type(), result.title(), null, List.of(bad))));
			assertThat(broken(activity)).as(bad.toString()).hasSize(1);
		}
		assertThat(broken(TestActivities.withResults(a, List.of(new IatiActivity.Result("2", "t", null,
				List.of(noTargetValue)))))).containsExactly("8.9.1");
		assertThat(broken(TestActivities.withResults(a, List.of(new IatiActivity.Result("2", "t", null,
				List.of(backwards)))))).containsExactly("8.6.1");
		assertThat(broken(TestActivities.withResults(a, List.of(new IatiActivity.Result("2", "t", null,
				List.of(valuedText)))))).containsExactly("8.10.3");
		assertThat(broken(TestActivities.withResults(a, List.of(new IatiActivity.Result("7", "t", null,
				List.of(numeric)))))).containsExactly("codelist:ResultType");
	}

	@Test
	void sectorPercentagesSummingTo90AreRefusedWithRule212() {
		IatiActivity a = TestActivities.good();
		IatiActivity bad = with(a, a.countries(), List.of(TestActivities.share("15130", "50"),
				TestActivities.share("15160", "40")), a.budgets(), a.transactions());
		assertThat(broken(bad)).containsExactly("2.1.2");
		assertThat(rules.check(bad, TestActivities.TODAY).get(0).message()).contains("90");
	}

	@Test
	void aBudgetPeriodOf18MonthsIsRefusedWithRule753() {
		IatiActivity a = TestActivities.good();
		IatiActivity bad = with(a, a.countries(), a.sectors(), List.of(new Budget(LocalDate.of(2026, 1, 1),
				LocalDate.of(2027, 6, 30), new BigDecimal("100000.00"), "USD", LocalDate.of(2026, 1, 1))),
				a.transactions());
		assertThat(broken(bad)).containsExactly("7.5.3");
	}

	@Test
	void aBudgetOfExactlyOneYearPasses() {
		IatiActivity a = TestActivities.good();
		IatiActivity year = with(a, a.countries(), a.sectors(), List.of(new Budget(LocalDate.of(2026, 3, 1),
				LocalDate.of(2027, 2, 28), new BigDecimal("1.00"), "USD", LocalDate.of(2026, 3, 1))), a.transactions());
		assertThat(broken(year)).isEmpty();
	}

	@Test
	void aTransactionWithoutADateIsRefused() {
		IatiActivity a = TestActivities.good();
		List<Transaction> transactions = new ArrayList<>(a.transactions());
		transactions.add(new Transaction("11", null, new BigDecimal("5.00"), "USD", LocalDate.of(2026, 1, 1), null,
				TestActivities.NORWAY));
		assertThat(broken(with(a, a.countries(), a.sectors(), a.budgets(), transactions)))
			.containsExactly("schema:transaction-date");
	}

	@Test
	void countryPercentagesMustSumTo100AndFutureTransactionsAndUnknownCodesAreRefused() {
		IatiActivity a = TestActivities.good();
		assertThat(broken(with(a, List.of(TestActivities.share("KE", "50"), TestActivities.share("UG", "49.99")),
				a.sectors(), a.budgets(), a.transactions()))).containsExactly("3.1.2");
		assertThat(broken(with(a, List.of(), a.sectors(), a.budgets(), a.transactions()))).containsExactly("3.7.1");
		assertThat(broken(with(a, a.countries(), List.of(TestActivities.share("99999", null)), a.budgets(),
				a.transactions()))).containsExactly("codelist:Sector");
		assertThat(broken(with(a, a.countries(), a.sectors(), a.budgets(),
				List.of(TestActivities.transaction("1", TestActivities.TODAY.plusDays(1))))))
			.containsExactly("11.2.1", "11.2.2");
		assertThat(broken(with(a, a.countries(), a.sectors(), a.budgets(),
				List.of(TestActivities.transaction("99", TestActivities.TODAY)))))
			.containsExactly("codelist:TransactionType");
	}

	@Test
	void thePlannedStartMustNotFollowThePlannedEnd() {
		IatiActivity a = TestActivities.good();
		IatiActivity bad = new IatiActivity(a.programmeId(), a.identifier(), a.lastUpdated(), a.defaultCurrency(),
				a.reportingOrg(), a.title(), a.description(), a.participants(), a.status(),
				List.of(new IatiActivity.ActivityDate("1", LocalDate.of(2027, 1, 1)),
						new IatiActivity.ActivityDate("3", LocalDate.of(2026, 1, 1))),
				a.countries(), a.regions(), a.sectors(), a.budgets(), a.transactions());
		assertThat(broken(bad)).containsExactly("11.1.2");
	}

	static IatiActivity with(IatiActivity a, List<Share> countries, List<Share> sectors, List<Budget> budgets,
			List<Transaction> transactions) {
		return new IatiActivity(a.programmeId(), a.identifier(), a.lastUpdated(), a.defaultCurrency(), a.reportingOrg(),
				a.title(), a.description(), a.participants(), a.status(), a.dates(), countries, a.regions(), sectors,
				budgets, transactions);
	}

}
