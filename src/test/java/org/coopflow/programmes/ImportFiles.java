package org.coopflow.programmes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes import files for tests and the benchmark: valid rows by default, any cell replaceable, quoted
 * as RFC 4180 says (so the tests exercise the quoting a spreadsheet produces).
 */
public final class ImportFiles {

	public static final List<String> COLUMNS = List.of("title", "description", "scope", "countries", "standards",
			"activityTypes", "sectors", "beneficiaryInstitution", "implementingPartner", "plannedStart", "plannedEnd",
			"budgetAmount", "budgetCurrency", "fundingDeadlineDays", "reviewNotes");

	public static final String HEADER = String.join(",", COLUMNS);

	private static final List<String> COUNTRIES = List.of("KE", "UG", "TZ", "NG", "GH", "CI", "PE", "CO", "PH", "ID",
			"VN", "MA", "JO", "KZ", "UZ", "BR", "MX", "ZA");

	private static final List<String> STANDARDS = List.of("SMR-PRISONERS", "CODE-LEO", "BP-FORCE-FIREARMS",
			"VICTIMS-DECL");

	private ImportFiles() {
	}

	/** The cells of a valid row, in header order; replace any with {@code put}. */
	public static Map<String, String> validRow(String title) {
		Map<String, String> row = new LinkedHashMap<>();
		row.put("title", title);
		row.put("description", "Training for prison staff on the Nelson Mandela Rules, with a compendium translation.");
		row.put("scope", "NATIONAL");
		row.put("countries", "KE;UG");
		row.put("standards", "SMR-PRISONERS;CODE-LEO");
		row.put("activityTypes", "TRAINING;ADVISORY_SERVICES");
		row.put("sectors", "15130");
		row.put("beneficiaryInstitution", "Kenya Prisons Service");
		row.put("implementingPartner", "");
		row.put("plannedStart", "2027-01-01");
		row.put("plannedEnd", "2027-12-31");
		row.put("budgetAmount", "250000.00");
		row.put("budgetCurrency", "USD");
		row.put("fundingDeadlineDays", "");
		row.put("reviewNotes", "");
		return row;
	}

	/** A CSV record of the cells in the order of {@code columns}, without the line break. */
	public static String line(List<String> columns, Map<String, String> row) {
		return columns.stream().map(column -> quote(row.getOrDefault(column, ""))).collect(Collectors.joining(","));
	}

	/** A whole file with the documented header; CRLF line breaks, as RFC 4180 writes them. */
	@SafeVarargs
	public static String file(Map<String, String>... rows) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (Map<String, String> row : rows) {
			csv.append(line(COLUMNS, row)).append("\r\n");
		}
		return csv.toString();
	}

	/**
	 * {@code rows} realistic, valid rows (a few hundred bytes each, quoted text with commas, several
	 * countries and standards), e.g. for importing a whole portfolio.
	 */
	public static String generated(int rows) {
		StringBuilder csv = new StringBuilder(rows * 600).append(HEADER).append("\r\n");
		for (int i = 0; i < rows; i++) {
			Map<String, String> row = validRow("Programme " + (i + 1) + ": strengthening criminal justice, phase " + (i % 4 + 1));
			row.put("description", "Advisory services and training, in cooperation with the national authorities, on the \"UN standards\" "
					+ "and norms in crime prevention and criminal justice; component " + i + " of the portfolio,\r\n"
					+ "with a second line that a spreadsheet keeps in the same cell.");
			row.put("countries", COUNTRIES.get(i % COUNTRIES.size()) + ";" + COUNTRIES.get((i + 7) % COUNTRIES.size()));
			row.put("standards", STANDARDS.get(i % STANDARDS.size()) + ";" + STANDARDS.get((i + 1) % STANDARDS.size()));
			row.put("sectors", i % 2 == 0 ? "15130;15210" : "15130");
			row.put("implementingPartner", "Partner " + i % 50);
			// periods of their own: the portfolio is shared by all tests, and these rows are not about overlaps
			java.time.LocalDate[] period = org.coopflow.TestPortfolio.period();
			row.put("plannedStart", period[0].toString());
			row.put("plannedEnd", period[1].toString());
			row.put("budgetAmount", (100000 + i * 17) + ".50");
			row.put("fundingDeadlineDays", String.valueOf(30 + i % 300));
			row.put("reviewNotes", i % 3 == 0 ? "Imported from the 2026 portfolio spreadsheet" : "");
			csv.append(line(COLUMNS, row)).append("\r\n");
		}
		return csv.toString();
	}

	private static String quote(String cell) {
		if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
			return "\"" + cell.replace("\"", "\"\"") + "\"";
		}
		return cell;
	}

}
