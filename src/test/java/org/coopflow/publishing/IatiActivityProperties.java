package org.coopflow.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import org.coopflow.programmes.ActivityType;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.programmes.Scope;
import org.coopflow.publishing.IatiActivity.ActivityDate;
import org.coopflow.publishing.IatiActivity.Budget;
import org.coopflow.publishing.IatiActivity.Share;
import org.coopflow.publishing.IatiActivity.Transaction;
import org.coopflow.publishing.IatiRules.Violation;
import org.coopflow.reference.Money;
import org.coopflow.reference.Office;

/**
 * Whatever activity model comes, the checker decides: either it breaks no rule, and then its file is valid
 * against the IATI schema, its codes are in their codelists and its rules hold when read back from the XML;
 * or it is refused with at least one named rule. And the mapping's budget slices and shares always pass.
 */
class IatiActivityProperties {

	private final IatiRules rules = new IatiRules(Codelists.get());

	@Property(tries = 500)
	void anActivityEitherPassesTheRulesAndTheSchemaOrIsRefusedWithARule(@ForAll("activities") IatiActivity activity)
			throws Exception {
		List<Violation> broken = rules.check(activity, TestActivities.TODAY);
		Statistics.collect(broken.isEmpty() ? "published" : "refused");
		Statistics.coverage(coverage -> {
			coverage.check("published").count(n -> n > 0);
			coverage.check("refused").count(n -> n > 0);
		});
		if (broken.isEmpty()) {
			byte[] file = TestActivities.file(List.of(activity));
			IatiFileCheck.validate(file);
			assertThat(IatiFileCheck.problems(file)).isEmpty();
		}
		else {
			assertThat(broken).allSatisfy(v -> {
				assertThat(v.rule()).matches("\\d+(\\.\\d+)+|schema:.+|codelist:.+");
				assertThat(v.message()).isNotBlank();
			});
		}
	}

	@Property(tries = 300)
	void aProgrammesBudgetIsSplitIntoPeriodsOfAtMostAYearThatAddUpToIt(@ForAll("starts") LocalDate start,
			@ForAll("days") int days, @ForAll("amounts") BigDecimal amount) {
		ActivityMapping mapping = new ActivityMapping(settings(), c -> java.util.Currency.getInstance(c).getDefaultFractionDigits());
		List<Budget> budgets = mapping.budgets(programme(start, start.plusDays(days), amount, List.of("KE"), List.of("15130")));
		assertThat(budgets.get(0).start()).isEqualTo(start);
		assertThat(budgets.get(budgets.size() - 1).end()).isEqualTo(start.plusDays(days));
		for (int i = 0; i < budgets.size(); i++) {
			Budget b = budgets.get(i);
			assertThat(b.end()).isBeforeOrEqualTo(b.start().plusYears(1)).isAfterOrEqualTo(b.start());
			if (i > 0) {
				assertThat(b.start()).isEqualTo(budgets.get(i - 1).end().plusDays(1));
			}
		}
		assertThat(budgets.stream().map(Budget::value).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(amount);
	}

	@Property(tries = 100)
	void equalSharesAddUpTo100(@ForAll("codes") List<String> codes) {
		List<Share> shares = ActivityMapping.equalShares(codes);
		assertThat(shares).hasSize((int) codes.stream().distinct().count());
		if (!shares.isEmpty()) {
			assertThat(shares.stream().map(Share::percentage).reduce(BigDecimal.ZERO, BigDecimal::add))
				.isEqualByComparingTo("100");
		}
	}

	@Provide
	Arbitrary<List<String>> codes() {
		return Arbitraries.of("KE", "UG", "TZ", "RW", "BI", "SO", "ET").list().ofMaxSize(7);
	}

	@Provide
	Arbitrary<LocalDate> starts() {
		return Arbitraries.integers().between(0, 20000).map(d -> LocalDate.of(2000, 1, 1).plusDays(d));
	}

	@Provide
	Arbitrary<Integer> days() {
		return Arbitraries.integers().between(0, 4000);
	}

	@Provide
	Arbitrary<BigDecimal> amounts() {
		return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("9999999999.99")).ofScale(2);
	}

	@Provide
	Arbitrary<IatiActivity> activities() {
		Arbitrary<List<Share>> countries = shares(mostly(Arbitraries.of("KE", "UG", "TZ", "XK"), "ZZ"), 3);
		Arbitrary<List<Share>> sectors = shares(mostly(Arbitraries.of("15130", "15160", "15210", "15220"), "99999"), 4);
		Arbitrary<List<ActivityDate>> dates = Combinators
			.combine(optionalDate(), Arbitraries.integers().between(-10, 1000).injectNull(0.1), optionalDate())
			.as((start, length, actual) -> java.util.stream.Stream
				.of(start == null ? null : new ActivityDate("1", start),
						start == null || length == null ? null : new ActivityDate("3", start.plusDays(length)),
						actual == null ? null : new ActivityDate("2", actual))
				.filter(java.util.Objects::nonNull)
				.toList());
		Arbitrary<Budget> budget = Combinators
			.combine(date(), Arbitraries.integers().between(-5, 450), mostly(Arbitraries.of("USD", "EUR", "JPY"), "XXY"))
			.as((start, days, currency) -> new Budget(start, start.plusDays(days),
					new BigDecimal("1000").setScale("JPY".equals(currency) ? 0 : 2), currency, start));
		Arbitrary<Transaction> transaction = Combinators
			.combine(mostly(Arbitraries.of("1", "4", "11", "13"), "99"), optionalDate(),
					mostly(Arbitraries.of("USD", "EUR"), "ABC"),
					Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(TestActivities.NORWAY)),
							net.jqwik.api.Tuple.of(1, Arbitraries.just(new IatiActivity.Organisation(null, "10", " "))),
							net.jqwik.api.Tuple.of(3, Arbitraries.just(new IatiActivity.Organisation(null, "10", "Japan")))))
			.as((type, date, currency, provider) -> new Transaction(type, date, new BigDecimal("12.50"), currency,
					date == null ? TestActivities.TODAY : date, null, "4".equals(type) ? null : provider));
		Arbitrary<String> titles = mostly(Arbitraries.of("Prison reform", "Juvenile justice <& \"rules\">"), " ");
		return Combinators
			.combine(countries, sectors, dates, budget.list().ofMaxSize(3), transaction.list().ofMaxSize(4), titles,
					mostly(Arbitraries.of("1", "2", "4", "5"), "9"))
			.as((c, s, d, b, t, title, status) -> {
				IatiActivity good = TestActivities.good();
				return new IatiActivity(good.programmeId(), good.identifier(), good.lastUpdated(), good.defaultCurrency(),
						good.reportingOrg(), title, good.description(), good.participants(), status, d, c,
						c.isEmpty() ? List.of(new Share(ActivityMapping.GLOBAL_REGION, null)) : List.of(), s, b, t);
			});
	}

	/** Nine times in ten one of the good values, else the bad one. */
	private static <T> Arbitrary<T> mostly(Arbitrary<T> good, T bad) {
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(19, good), net.jqwik.api.Tuple.of(1, Arbitraries.just(bad)));
	}

	/** Up to {@code max} codes with percentages: mostly equal, sometimes arbitrary or missing. */
	private static Arbitrary<List<Share>> shares(Arbitrary<String> codes, int max) {
		Arbitrary<List<String>> distinct = codes.list().uniqueElements().ofMaxSize(max);
		return Combinators.combine(distinct, Arbitraries.frequency(net.jqwik.api.Tuple.of(8, 0),
				net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 2)),
				Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("120")).ofScale(2))
			.as((list, how, any) -> switch (how) {
				case 0 -> ActivityMapping.equalShares(list);
				case 1 -> list.stream().map(code -> new Share(code, any)).toList();
				default -> list.stream().map(code -> new Share(code, null)).toList();
			});
	}

	private static Arbitrary<LocalDate> date() {
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(19, Arbitraries.integers().between(-2000, 0)),
				net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 10)))
			.map(TestActivities.TODAY::plusDays);
	}

	private static Arbitrary<LocalDate> optionalDate() {
		return date().injectNull(0.05);
	}

	static IatiSettings settings() {
		return new IatiSettings(Map.of(Office.CPCJD, new IatiSettings.Organisation("XM-DAC-41128", "40", "CPCJD")),
				Map.of("NO", "XM-DAC-8"), "10", 200);
	}

	static ProgrammeView programme(LocalDate start, LocalDate end, BigDecimal amount, List<String> countries,
			List<String> sectors) {
		return new ProgrammeView(1, Office.CPCJD, "Title", "Description", Scope.NATIONAL, countries, List.of("SMR-PRISONERS"),
				List.of(ActivityType.TRAINING), sectors, null, null, start, end, new Money(amount, "USD"), 90, null,
				ProgrammeStatus.OPEN_FOR_FUNDING, null, "officer", Instant.parse("2026-01-01T00:00:00Z"), "officer",
				Instant.parse("2026-01-01T00:00:00Z"), 0);
	}

}
