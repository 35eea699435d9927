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
		String status, String statusName, Amount budget, Funding funding, Amount spent, Instant lastModified) {

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

	/** Every JSON field a programme is published with, as paths ({@code []} marks the items of a list). */
	static final List<String> PUBLISHED_FIELDS = List.of("id", "office", "officeName", "title", "description", "scope",
			"countries[].code", "countries[].name", "standards[].code", "standards[].name", "sectors[]",
			"activityTypes[].code", "activityTypes[].name", "beneficiaryInstitution", "implementingPartner",
			"plannedStart", "plannedEnd", "status", "statusName", "budget.amount", "budget.currency",
			"funding.currency", "funding.committed", "funding.received", "funding.fundedBy[].code",
			"funding.fundedBy[].name", "spent.amount", "spent.currency", "lastModified");

}
