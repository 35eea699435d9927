package org.coopflow.publishing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One {@code iati-activity}, built in memory from one programme, checked ({@link IatiRules}) and then
 * written ({@link IatiXml}); only one is held at a time. Codes are IATI codes; names are English narratives.
 */
record IatiActivity(long programmeId, String identifier, Instant lastUpdated, String defaultCurrency,
		Organisation reportingOrg, String title, String description, List<Participant> participants, String status,
		List<ActivityDate> dates, List<Share> countries, List<Share> regions, List<Share> sectors,
		List<Budget> budgets, List<Transaction> transactions, List<DocumentLink> documents, List<Result> results) {

	/** An activity without results (a programme that has no results framework yet). */
	IatiActivity(long programmeId, String identifier, Instant lastUpdated, String defaultCurrency,
			Organisation reportingOrg, String title, String description, List<Participant> participants, String status,
			List<ActivityDate> dates, List<Share> countries, List<Share> regions, List<Share> sectors,
			List<Budget> budgets, List<Transaction> transactions) {
		this(programmeId, identifier, lastUpdated, defaultCurrency, reportingOrg, title, description, participants, status,
				dates, countries, regions, sectors, budgets, transactions, List.of(), List.of());
	}

	/** Language of the narratives (codelist Language). */
	static final String LANGUAGE = "en";

	/** Region vocabulary 1: OECD DAC. */
	static final String REGION_VOCABULARY = "1";

	/** Sector vocabulary 1: OECD DAC CRS purpose codes, five digits. */
	static final String SECTOR_VOCABULARY = "1";

	/** Budget type 1: original; status 1: indicative. */
	static final String BUDGET_TYPE = "1";

	static final String BUDGET_STATUS = "1";

	/** An organisation: identifier (may be null), IATI organisation type (may be null), name. */
	record Organisation(String ref, String type, String name) {
	}

	/** {@code participating-org}: role from the codelist OrganisationRole. */
	record Participant(String role, Organisation organisation) {
	}

	/** {@code activity-date}: type from ActivityDateType. */
	record ActivityDate(String type, LocalDate date) {
	}

	/** A code with its share in percent (recipient countries and regions, sectors). */
	record Share(String code, BigDecimal percentage) {
	}

	record Budget(LocalDate start, LocalDate end, BigDecimal value, String currency, LocalDate valueDate) {
	}

	/** A transaction: type from TransactionType; {@code provider} may be null. */
	record Transaction(String type, LocalDate date, BigDecimal value, String currency, LocalDate valueDate,
			String description, Organisation provider) {
	}

	/**
	 * {@code document-link}: where a document is, its format (an IANA media type, IATI's FileFormat), title,
	 * category (DocumentCategory), language (Language) and date.
	 */
	record DocumentLink(String url, String format, String title, String category, String language, LocalDate date) {
	}

	/** DocumentCategory A08: results, outcomes and outputs, what the activities' documents are. */
	static final String RESULTS_DOCUMENT = "A08";

	/** {@code result}: type from ResultType (1 output, 2 outcome), with at least one indicator. */
	record Result(String type, String title, String description, List<Indicator> indicators) {
	}

	/**
	 * {@code indicator}: measure from IndicatorMeasure; a qualitative one (5) carries no values, its
	 * baseline, targets and actuals say what they are in their comments.
	 */
	record Indicator(String measure, boolean ascending, String title, String description, Baseline baseline,
			List<Period> periods) {

		boolean qualitative() {
			return QUALITATIVE.equals(measure);
		}

	}

	/** IndicatorMeasure 5: qualitative. */
	static final String QUALITATIVE = "5";

	/** {@code baseline}: the year is required; value null for a qualitative indicator. */
	record Baseline(Integer year, LocalDate date, String value, String comment) {
	}

	/** {@code period} with its {@code target} and, once measured, its {@code actual} (null when not). */
	record Period(LocalDate start, LocalDate end, Measured target, Measured actual) {
	}

	/** A target or an actual: a value (null for a qualitative indicator) and a comment. */
	record Measured(String value, String comment) {
	}

}
