package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coopflow.shared.InvalidField;
import org.coopflow.reference.Currencies;
import org.coopflow.reference.Money;
import org.coopflow.reference.ReferenceCodes;
import org.junit.jupiter.api.Test;

class ProgrammeRulesTests {

	private final ReferenceCodes.Snapshot codes = new ReferenceCodes.Snapshot(Set.of("KE", "UG", "JP"),
			Set.of("SMR-PRISONERS", "TOKYO-RULES"), Map.of("USD", 2, "JPY", 0, "BHD", 3, "XAU", -1));

	private final Currencies currencies = Currencies.of(codes);

	private static ProgrammeDraft draft(Scope scope, List<String> countries, List<String> standards, LocalDate start,
			LocalDate end, String amount, String currency) {
		return new ProgrammeDraft(null, "Title", "Description", scope, countries, standards,
				List.of(ActivityType.TRAINING), List.of(), null, null, start, end, new Money(new BigDecimal(amount), currency),
				null, null, null);
	}

	private static ProgrammeDraft valid() {
		return draft(Scope.NATIONAL, List.of("KE"), List.of("SMR-PRISONERS"), LocalDate.of(2027, 1, 1),
				LocalDate.of(2027, 12, 31), "250000.00", "USD");
	}

	private List<String> fields(ProgrammeDraft draft) {
		return ProgrammeRules.check(draft, codes, currencies).stream().map(InvalidField::field).toList();
	}

	@Test
	void acceptsAValidDraft() {
		assertThat(ProgrammeRules.check(valid(), codes, currencies)).isEmpty();
	}

	@Test
	void rejectsStartNotBeforeEnd() {
		LocalDate day = LocalDate.of(2027, 1, 1);
		assertThat(fields(draft(Scope.NATIONAL, List.of("KE"), List.of("SMR-PRISONERS"), day, day, "1", "USD")))
			.containsExactly("plannedEnd");
	}

	@Test
	void rejectsUnknownCountriesStandardsAndCurrencies() {
		assertThat(fields(draft(Scope.NATIONAL, List.of("KE", "XX"), List.of("NOPE"), LocalDate.of(2027, 1, 1),
				LocalDate.of(2028, 1, 1), "10", "ZZZ")))
			.containsExactlyInAnyOrder("countries[1]", "standards[0]", "budget.currency");
	}

	@Test
	void sectorsAreDacCodesInUseEachListedOnce() {
		ProgrammeDraft good = valid();
		ProgrammeDraft sectors = new ProgrammeDraft(null, good.title(), good.description(), good.scope(), good.countries(),
				good.standards(), good.activityTypes(), List.of("15130", "99999", "11321", "15160", "15130", "151"), null, null,
				good.plannedStart(), good.plannedEnd(), good.budget(), null, null, null);
		// "151" is the format's to refuse (bean validation), not the rules'
		assertThat(fields(sectors)).containsExactly("sectors[1]", "sectors[2]", "sectors");
		assertThat(ProgrammeRules.check(sectors, codes, currencies).get(0).reason())
			.isEqualTo("'99999' is not a DAC sector code in use (the OECD DAC purpose codes, e.g. 15130)");
	}

	@Test
	void nationalNeedsACountryButRegionalAndGlobalDoNot() {
		LocalDate start = LocalDate.of(2027, 1, 1);
		LocalDate end = LocalDate.of(2027, 6, 30);
		assertThat(fields(draft(Scope.NATIONAL, List.of(), List.of("TOKYO-RULES"), start, end, "1", "USD")))
			.containsExactly("countries");
		assertThat(fields(draft(Scope.REGIONAL, List.of(), List.of("TOKYO-RULES"), start, end, "1", "USD"))).isEmpty();
		assertThat(fields(draft(Scope.GLOBAL, List.of(), List.of("TOKYO-RULES"), start, end, "1", "USD"))).isEmpty();
	}

	@Test
	void amountMustFitTheCurrencysMinorUnits() {
		LocalDate start = LocalDate.of(2027, 1, 1);
		LocalDate end = LocalDate.of(2027, 6, 30);
		assertThat(fields(draft(Scope.NATIONAL, List.of("JP"), List.of("TOKYO-RULES"), start, end, "1000.5", "JPY")))
			.containsExactly("budget.amount");
		assertThat(fields(draft(Scope.NATIONAL, List.of("JP"), List.of("TOKYO-RULES"), start, end, "1000.00", "JPY")))
			.isEmpty();
		assertThat(fields(draft(Scope.NATIONAL, List.of("JP"), List.of("TOKYO-RULES"), start, end, "10.25", "BHD")))
			.isEmpty();
		assertThat(fields(draft(Scope.NATIONAL, List.of("JP"), List.of("TOKYO-RULES"), start, end, "10", "XAU")))
			.containsExactly("budget.currency");
	}

	@Test
	void rejectsDuplicates() {
		assertThat(fields(draft(Scope.NATIONAL, List.of("KE", "KE"), List.of("TOKYO-RULES", "TOKYO-RULES"),
				LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), "1", "USD")))
			.containsExactlyInAnyOrder("countries", "standards");
	}

}
