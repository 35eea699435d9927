package org.coopflow.opendata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A programme as anyone may read it. These fields and no others are published: the record is the list
 * ({@link #PUBLISHED_FIELDS} names them for the tests and the docs). Review notes, comments, who edited
 * what, contacts, e-mail addresses, payments not yet confirmed and anything before approval stay inside.
 */
record OpenProgramme(long id, String office, String officeName, String title, String description, String scope,
		List<Named> countries, List<Named> standards, List<String> sectors, List<Named> activityTypes,
		String beneficiaryInstitution, String implementingPartner, LocalDate plannedStart, LocalDate plannedEnd,
		String status, String statusName, Amount budget, Funding funding, Amount spent, List<Result> results,
		Instant lastModified) {

	/** A code and what a person reads for it. */
	record Named(String code, String name) {
	}

	record Amount(BigDecimal amount, String currency) {
	}

	/**
	 * Money the programme was promised by agreements and received (confirmed payments only), in its own
	 * currency, and the Member States whose agreed pledges fund it.
	 */
	record Funding(String currency, BigDecimal committed, BigDecimal received, List<Named> fundedBy) {
	}

	/**
	 * What the programme promised to change and what it did: each result's indicators with their baseline
	 * and, per reporting period, the target, the actual once recorded (numbers, or words for a qualitative
	 * indicator) and where it stands. Who recorded an actual, its comment and the reason one is missing stay
	 * inside.
	 */
	record Result(String type, String title, String description, List<Indicator> indicators) {
	}

	record Indicator(String title, String measure, boolean ascending, Baseline baseline, List<Period> periods) {
	}

	record Baseline(Integer year, LocalDate date, BigDecimal value, String text) {
	}

	record Period(LocalDate start, LocalDate end, BigDecimal target, String targetText, BigDecimal actual,
			String actualText, String standing) {
	}

	/** Every JSON field a programme is published with, as paths ({@code []} marks the items of a list). */
	static final List<String> PUBLISHED_FIELDS = List.of("id", "office", "officeName", "title", "description", "scope",
			"countries[].code", "countries[].name", "standards[].code", "standards[].name", "sectors[]",
			"activityTypes[].code", "activityTypes[].name", "beneficiaryInstitution", "implementingPartner",
			"plannedStart", "plannedEnd", "status", "statusName", "budget.amount", "budget.currency",
			"funding.currency", "funding.committed", "funding.received", "funding.fundedBy[].code",
			"funding.fundedBy[].name", "spent.amount", "spent.currency", "results[].type", "results[].title",
			"results[].description", "results[].indicators[].title", "results[].indicators[].measure",
			"results[].indicators[].ascending", "results[].indicators[].baseline.year",
			"results[].indicators[].baseline.date", "results[].indicators[].baseline.value",
			"results[].indicators[].baseline.text", "results[].indicators[].periods[].start",
			"results[].indicators[].periods[].end", "results[].indicators[].periods[].target",
			"results[].indicators[].periods[].targetText", "results[].indicators[].periods[].actual",
			"results[].indicators[].periods[].actualText", "results[].indicators[].periods[].standing", "lastModified");

}
