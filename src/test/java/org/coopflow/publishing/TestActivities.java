package org.coopflow.publishing;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.coopflow.publishing.IatiActivity.ActivityDate;
import org.coopflow.publishing.IatiActivity.Budget;
import org.coopflow.publishing.IatiActivity.Organisation;
import org.coopflow.publishing.IatiActivity.Participant;
import org.coopflow.publishing.IatiActivity.Share;
import org.coopflow.publishing.IatiActivity.Transaction;

/** Hand-built activity models for the rule checker and the writer. */
final class TestActivities {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	static final Organisation CPCJD = new Organisation("XM-DAC-41128", "40",
			"Crime Prevention and Criminal Justice Division, UN Secretariat");

	static final Organisation NORWAY = new Organisation("XM-DAC-8", "10", "Norway");

	private TestActivities() {
	}

	/** A two-year programme in Kenya and Uganda, funded by Norway, that breaks no rule. */
	static IatiActivity good() {
		return new IatiActivity(7, "XM-DAC-41128-7", Instant.parse("2026-11-30T10:00:00Z"), "USD", CPCJD,
				"Prison reform in East Africa", "Advisory services on the Nelson Mandela Rules",
				List.of(new Participant("1", NORWAY), new Participant("2", CPCJD),
						new Participant("4", new Organisation(null, null, "Penal Reform International"))),
				"2",
				List.of(new ActivityDate("1", LocalDate.of(2026, 1, 1)), new ActivityDate("2", LocalDate.of(2026, 2, 1)),
						new ActivityDate("3", LocalDate.of(2027, 12, 31))),
				List.of(share("KE", "50"), share("UG", "50")), List.of(),
				List.of(share("15130", "60"), share("15160", "40")),
				List.of(new Budget(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), new BigDecimal("50000.00"), "USD",
						LocalDate.of(2026, 1, 1)),
						new Budget(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), new BigDecimal("50000.00"), "USD",
								LocalDate.of(2027, 1, 1))),
				List.of(transaction("13", LocalDate.of(2026, 1, 10)), transaction("11", LocalDate.of(2026, 1, 20)),
						transaction("1", LocalDate.of(2026, 2, 1)),
						new Transaction("4", LocalDate.of(2026, 3, 1), new BigDecimal("1200.00"), "USD",
								LocalDate.of(2026, 3, 1), "Interpreters", null)));
	}

	/**
	 * The good activity with an outcome measured two ways: prison officers trained (a number, baseline 2025,
	 * one period measured, the next to come) and the inspectors' view of conditions (qualitative).
	 */
	static IatiActivity withResults() {
		IatiActivity a = good();
		var trained = new IatiActivity.Indicator("1", true, "Prison officers trained in the Nelson Mandela Rules", null,
				new IatiActivity.Baseline(2025, LocalDate.of(2025, 12, 31), "0", "Before the programme"),
				List.of(new IatiActivity.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
						new IatiActivity.Measured("40", null), new IatiActivity.Measured("45", "Two courses more than planned")),
						new IatiActivity.Period(LocalDate.of(2026, 7, 1), LocalDate.of(2027, 12, 31),
								new IatiActivity.Measured("120", null), null)));
		var conditions = new IatiActivity.Indicator("5", true, "Conditions of detention as the inspectors find them", null,
				new IatiActivity.Baseline(2025, null, null, "Overcrowded; no complaints procedure"),
				List.of(new IatiActivity.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
						new IatiActivity.Measured(null, "A complaints procedure in every prison"), null)));
		return new IatiActivity(a.programmeId(), a.identifier(), a.lastUpdated(), a.defaultCurrency(), a.reportingOrg(),
				a.title(), a.description(), a.participants(), a.status(), a.dates(), a.countries(), a.regions(), a.sectors(),
				a.budgets(), a.transactions(), List.of(new IatiActivity.DocumentLink(
						"https://www.unodc.org/documents/justice-and-prison-reform/Nelson_Mandela_Rules-E-ebook.pdf",
						"application/pdf", "The Nelson Mandela Rules, Kiswahili edition", "A08", "sw", LocalDate.of(2026, 6, 1))),
				List.of(new IatiActivity.Result("2", "Prisons run to the Nelson Mandela Rules",
						"Outcome of the programme", List.of(trained, conditions))));
	}

	/** The activity with its results replaced. */
	static IatiActivity withResults(IatiActivity a, List<IatiActivity.Result> results) {
		return new IatiActivity(a.programmeId(), a.identifier(), a.lastUpdated(), a.defaultCurrency(), a.reportingOrg(),
				a.title(), a.description(), a.participants(), a.status(), a.dates(), a.countries(), a.regions(), a.sectors(),
				a.budgets(), a.transactions(), a.documents(), results);
	}

	static Share share(String code, String percentage) {
		return new Share(code, percentage == null ? null : new BigDecimal(percentage));
	}

	static Transaction transaction(String type, LocalDate date) {
		return new Transaction(type, date, new BigDecimal("100000.00"), "USD", date, null, NORWAY);
	}

	/** The file of these activities, as the export writes it. */
	static byte[] file(List<IatiActivity> activities) throws XMLStreamException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (IatiXml file = IatiXml.open(out, Instant.parse("2026-12-05T09:00:00Z"))) {
			for (IatiActivity activity : activities) {
				file.write(activity);
			}
		}
		return out.toByteArray();
	}

}
