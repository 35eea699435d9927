package org.coopflow.publishing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.coopflow.publishing.IatiActivity.ActivityDate;
import org.coopflow.publishing.IatiActivity.Organisation;
import org.coopflow.publishing.IatiActivity.Share;

/**
 * The rules of the IATI Standard ruleset ({@code rulesets/standard.json}, version 2.03) that apply to what
 * coopflow publishes, plus what the schema requires of the parts the model leaves open (a transaction's
 * date) and the codelists. Each activity is checked before it is written; one that breaks a rule is left out
 * of the file and listed with the rule's id. Warnings of the ruleset are checked like errors: coopflow
 * publishes nothing the IATI validator would flag.
 */
final class IatiRules {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final Pattern NO_SYMBOLS = Pattern.compile("^[^/&|?]+$");

	private final Codelists codelists;

	IatiRules(Codelists codelists) {
		this.codelists = codelists;
	}

	/** A broken rule: its id in the ruleset (or {@code schema:...}, {@code codelist:...}) and what is wrong. */
	record Violation(String rule, String message) {
	}

	/** Every rule the activity breaks, none when it may be published; {@code today} is "NOW" of the rules. */
	List<Violation> check(IatiActivity a, LocalDate today) {
		List<Violation> found = new ArrayList<>();
		identifiers(a, found);
		texts(a, found);
		organisations(a, found);
		dates(a, today, found);
		places(a, found);
		sectors(a, found);
		budgets(a, found);
		transactions(a, today, found);
		documents(a, found);
		results(a, found);
		codes(a, found);
		return found;
	}

	private static void identifiers(IatiActivity a, List<Violation> found) {
		String id = a.identifier();
		String org = a.reportingOrg() == null ? null : a.reportingOrg().ref();
		if (blank(id)) {
			found.add(new Violation("schema:iati-identifier", "the activity has no identifier"));
			return;
		}
		if (blank(org)) {
			found.add(new Violation("schema:reporting-org/@ref", "the reporting organisation has no identifier"));
			return;
		}
		if (id.equals(org)) {
			found.add(new Violation("1.1.3", "the activity identifier must differ from the reporting organisation's"));
		}
		if (!id.startsWith(org + "-")) {
			found.add(new Violation("1.1.21", "the activity identifier " + id + " should begin with " + org + "-"));
		}
		if (!id.equals(id.strip())) {
			found.add(new Violation("1.3.1", "the activity identifier starts or ends with spaces"));
		}
		if (!org.equals(org.strip())) {
			found.add(new Violation("1.14.1", "the reporting organisation identifier starts or ends with spaces"));
		}
		if (!NO_SYMBOLS.matcher(id).matches()) {
			found.add(new Violation("1.3.13", "the activity identifier contains /, &, | or ?"));
		}
		if (!NO_SYMBOLS.matcher(org).matches()) {
			found.add(new Violation("1.14.13", "the reporting organisation identifier contains /, &, | or ?"));
		}
	}

	private static void texts(IatiActivity a, List<Violation> found) {
		if (blank(a.title())) {
			found.add(new Violation("4.3.1", "the title must contain narrative content"));
		}
		if (blank(a.description())) {
			found.add(new Violation("4.4.1", "the description must contain narrative content"));
		}
		if (a.reportingOrg() != null && blank(a.reportingOrg().name())) {
			found.add(new Violation("schema:reporting-org/narrative", "the reporting organisation has no name"));
		}
		if (blank(a.defaultCurrency())) {
			found.add(new Violation("7.8.1", "the activity has no default currency"));
		}
	}

	private static void organisations(IatiActivity a, List<Violation> found) {
		if (a.participants().isEmpty()) {
			found.add(new Violation("schema:participating-org", "the activity has no participating organisation"));
		}
		for (var participant : a.participants()) {
			if (!named(participant.organisation())) {
				found.add(new Violation("6.10.1",
						"a participating organisation (role " + participant.role() + ") has neither identifier nor name"));
			}
		}
		for (var transaction : a.transactions()) {
			if (transaction.provider() != null && !named(transaction.provider())) {
				found.add(new Violation("6.9.1", "a provider organisation has neither identifier nor name"));
			}
		}
	}

	private static void dates(IatiActivity a, LocalDate today, List<Violation> found) {
		LocalDate plannedStart = date(a, "1");
		LocalDate actualStart = date(a, "2");
		LocalDate plannedEnd = date(a, "3");
		LocalDate actualEnd = date(a, "4");
		if (plannedStart == null && actualStart == null) {
			found.add(new Violation("6.11.1", "the activity must have a planned start date or an actual start date"));
		}
		if (plannedStart != null && plannedEnd != null && plannedStart.isAfter(plannedEnd)) {
			found.add(new Violation("11.1.2", "the planned start " + plannedStart + " is after the planned end " + plannedEnd));
		}
		if (actualStart != null && actualEnd != null && actualStart.isAfter(actualEnd)) {
			found.add(new Violation("11.1.3", "the actual start " + actualStart + " is after the actual end " + actualEnd));
		}
		if (actualStart != null && actualStart.isAfter(today)) {
			found.add(new Violation("11.1.4", "the actual start " + actualStart + " is in the future"));
		}
		if (actualEnd != null && actualEnd.isAfter(today)) {
			found.add(new Violation("11.1.5", "the actual end " + actualEnd + " is in the future"));
		}
		if (a.lastUpdated() != null && a.lastUpdated().isAfter(today.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC)
			.toInstant())) {
			found.add(new Violation("11.1.1", "the last updated datetime is in the future"));
		}
	}

	private static LocalDate date(IatiActivity a, String type) {
		return a.dates().stream().filter(d -> d.type().equals(type)).map(ActivityDate::date).findFirst().orElse(null);
	}

	private static void places(IatiActivity a, List<Violation> found) {
		List<Share> countries = a.countries();
		List<Share> regions = a.regions();
		if (countries.isEmpty() && regions.isEmpty()) {
			found.add(new Violation("3.7.1", "the activity declares neither a recipient country nor a recipient region"));
			return;
		}
		range("12.1.1", "country/region", countries, found);
		range("12.1.1", "country/region", regions, found);
		if (regions.isEmpty()) {
			shares("3.1.1", "3.1.2", "3.1.4", "recipient country", countries, found);
		}
		else if (countries.isEmpty()) {
			shares("3.1.1", "3.1.2", "3.1.4", "recipient region", regions, found);
		}
		else {
			List<Share> both = new ArrayList<>(countries);
			both.addAll(regions);
			shares("3.1.1", "3.1.2", "3.1.4", "recipient country and region", both, found);
		}
	}

	private static void sectors(IatiActivity a, List<Violation> found) {
		if (a.sectors().isEmpty()) {
			found.add(new Violation("6.2.2", "the activity must have a sector"));
			return;
		}
		range("12.3.1", "sector", a.sectors(), found);
		shares("2.1.1", "2.1.2", "2.1.4", "sector (vocabulary 1)", a.sectors(), found);
	}

	/** Several: each has a percentage, and they sum to 100; one: no percentage, or 100. */
	private static void shares(String eachRule, String sumRule, String singleRule, String what, List<Share> shares,
			List<Violation> found) {
		if (shares.size() == 1) {
			BigDecimal only = shares.get(0).percentage();
			if (only != null && only.compareTo(HUNDRED) != 0) {
				found.add(new Violation(singleRule, "a single " + what + " must have no percentage or 100, not " + only));
			}
			return;
		}
		if (shares.stream().anyMatch(s -> s.percentage() == null)) {
			found.add(new Violation(eachRule, "each " + what + " must have a percentage"));
			return;
		}
		BigDecimal sum = shares.stream().map(Share::percentage).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (sum.compareTo(HUNDRED) != 0) {
			found.add(new Violation(sumRule, what + " percentages must add up to 100, not " + sum.toPlainString()));
		}
	}

	private static void range(String rule, String what, List<Share> shares, List<Violation> found) {
		for (Share share : shares) {
			BigDecimal p = share.percentage();
			if (p != null && (p.signum() < 0 || p.compareTo(HUNDRED) > 0)) {
				found.add(new Violation(rule, "the " + what + " percentage of " + share.code() + " is not between 0 and 100"));
			}
		}
	}

	private static void budgets(IatiActivity a, List<Violation> found) {
		for (var budget : a.budgets()) {
			if (budget.start() == null || budget.end() == null || budget.value() == null || budget.valueDate() == null) {
				found.add(new Violation("schema:budget", "a budget needs a period start and end, a value and a value date"));
				continue;
			}
			if (budget.start().isAfter(budget.end())) {
				found.add(new Violation("8.6.3", "the budget period " + budget.start() + " to " + budget.end()
						+ " starts after it ends"));
			}
			else if (budget.end().isAfter(budget.start().plusYears(1))) {
				found.add(new Violation("7.5.3", "the budget period " + budget.start() + " to " + budget.end()
						+ " is longer than one year"));
			}
		}
	}

	private static void transactions(IatiActivity a, LocalDate today, List<Violation> found) {
		for (var t : a.transactions()) {
			String which = "a transaction of type " + t.type();
			if (t.date() == null) {
				found.add(new Violation("schema:transaction-date", which + " has no date"));
			}
			else if (t.date().isAfter(today)) {
				found.add(new Violation("11.2.1", which + " is dated in the future (" + t.date() + ")"));
			}
			if (t.value() == null || t.valueDate() == null) {
				found.add(new Violation("schema:transaction/value", which + " needs a value and a value date"));
			}
			else if (t.valueDate().isAfter(today)) {
				found.add(new Violation("11.2.2", which + " has a value date in the future (" + t.valueDate() + ")"));
			}
		}
	}

	/** Every code written is an active code of its IATI codelist. */
	/** Documents: a title (schema) and an absolute http(s) address with a media type as its format. */
	private static void documents(IatiActivity a, List<Violation> found) {
		for (var d : a.documents()) {
			if (blank(d.title())) {
				found.add(new Violation("schema:document-link/title", "a document has no title"));
			}
			if (blank(d.url()) || !(d.url().startsWith("https://") || d.url().startsWith("http://"))) {
				found.add(new Violation("schema:document-link/@url", "the document \"" + d.title()
						+ "\" has no web address"));
			}
			if (blank(d.format()) || !d.format().contains("/")) {
				found.add(new Violation("schema:document-link/@format", "the document \"" + d.title()
						+ "\" has no media type"));
			}
		}
	}

	/**
	 * Results: a title and at least one indicator each (schema); each indicator a title; each period starts
	 * before it ends (8.6.1); a non-qualitative indicator's baseline, targets and actuals have values (8.8.1,
	 * 8.9.1, 8.10.1), a qualitative one's none (8.8.3, 8.9.3, 8.10.3).
	 */
	private static void results(IatiActivity a, List<Violation> found) {
		for (var result : a.results()) {
			if (blank(result.title())) {
				found.add(new Violation("schema:result/title", "a result has no title"));
			}
			if (result.indicators().isEmpty()) {
				found.add(new Violation("schema:result/indicator", "the result \"" + result.title() + "\" has no indicator"));
			}
			for (var indicator : result.indicators()) {
				String named = "the indicator \"" + indicator.title() + "\"";
				if (blank(indicator.title())) {
					found.add(new Violation("schema:indicator/title", "an indicator of \"" + result.title() + "\" has no title"));
				}
				boolean qualitative = indicator.qualitative();
				if (indicator.baseline() != null) {
					if (indicator.baseline().year() == null || indicator.baseline().year() < 1) {
						found.add(new Violation("schema:baseline/@year", named + " has a baseline without a year"));
					}
					valued("8.8.1", "8.8.3", "baseline", qualitative, indicator.baseline().value(), named, found);
				}
				for (var period : indicator.periods()) {
					if (period.start() == null || period.end() == null || !period.start().isBefore(period.end())) {
						found.add(new Violation("8.6.1", named + " has a period that does not start before it ends"));
					}
					if (period.target() != null) {
						valued("8.9.1", "8.9.3", "target", qualitative, period.target().value(), named, found);
					}
					if (period.actual() != null) {
						valued("8.10.1", "8.10.3", "actual", qualitative, period.actual().value(), named, found);
					}
				}
			}
		}
	}

	private static void valued(String needsValue, String omitsValue, String what, boolean qualitative, String value,
			String named, List<Violation> found) {
		if (!qualitative && blank(value)) {
			found.add(new Violation(needsValue, named + " has a " + what + " without a value"));
		}
		if (qualitative && value != null) {
			found.add(new Violation(omitsValue, named + " is qualitative; its " + what + " should have no value"));
		}
	}

	private void codes(IatiActivity a, List<Violation> found) {
		code("ActivityStatus", a.status(), found);
		code("Currency", a.defaultCurrency(), found);
		code("Language", IatiActivity.LANGUAGE, found);
		code("OrganisationType", a.reportingOrg() == null ? null : a.reportingOrg().type(), found);
		a.participants().forEach(p -> {
			code("OrganisationRole", p.role(), found);
			optional("OrganisationType", p.organisation().type(), found);
		});
		a.dates().forEach(d -> code("ActivityDateType", d.type(), found));
		each("Country", a.countries(), Share::code, found);
		if (!a.regions().isEmpty()) {
			code("RegionVocabulary", IatiActivity.REGION_VOCABULARY, found);
			each("Region", a.regions(), Share::code, found);
		}
		if (!a.sectors().isEmpty()) {
			code("SectorVocabulary", IatiActivity.SECTOR_VOCABULARY, found);
			each("Sector", a.sectors(), Share::code, found);
		}
		if (!a.budgets().isEmpty()) {
			code("BudgetType", IatiActivity.BUDGET_TYPE, found);
			code("BudgetStatus", IatiActivity.BUDGET_STATUS, found);
			a.budgets().forEach(b -> code("Currency", b.currency(), found));
		}
		a.documents().forEach(d -> {
			code("DocumentCategory", d.category(), found);
			optional("Language", d.language(), found);
		});
		a.results().forEach(r -> {
			code("ResultType", r.type(), found);
			r.indicators().forEach(i -> code("IndicatorMeasure", i.measure(), found));
		});
		a.transactions().forEach(t -> {
			code("TransactionType", t.type(), found);
			code("Currency", t.currency(), found);
			if (t.provider() != null) {
				optional("OrganisationType", t.provider().type(), found);
			}
		});
	}

	private <T> void each(String list, List<T> items, Function<T, String> code, List<Violation> found) {
		items.forEach(item -> code(list, code.apply(item), found));
	}

	private void optional(String list, String code, List<Violation> found) {
		if (code != null) {
			code(list, code, found);
		}
	}

	private void code(String list, String code, List<Violation> found) {
		if (!codelists.has(list, code)) {
			found.add(new Violation("codelist:" + list, code + " is not a code of the IATI codelist " + list));
		}
	}

	private static boolean named(Organisation organisation) {
		return organisation != null && (!blank(organisation.ref()) || !blank(organisation.name()));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
