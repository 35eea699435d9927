package org.coopflow.programmes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.coopflow.shared.InvalidField;
import org.coopflow.reference.Money;
import org.coopflow.reference.Office;
import org.coopflow.reference.ReferenceCodes;
import org.coopflow.security.CoopflowUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an office's existing portfolio from a CSV file (the format is in docs/import.md): every row is
 * checked first, against one snapshot of the reference codes, and only a file without a single bad
 * row is written, all of it in one transaction, so that an officer never has to find out which half
 * of a file went in.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class ProgrammeImport {

	static final String OFFICE = "office";

	/** The documented header, in its documented order. */
	static final List<String> COLUMNS = List.of("title", "description", "scope", "countries", "standards",
			"activityTypes", "sectors", "beneficiaryInstitution", "implementingPartner", "plannedStart", "plannedEnd",
			"budgetAmount", "budgetCurrency", "fundingDeadlineDays", "reviewNotes");

	/** Columns of fields a programme cannot be without; the others may be left out of the header. */
	static final Set<String> REQUIRED = Set.of("title", "description", "standards", "activityTypes", "plannedStart",
			"plannedEnd", "budgetAmount", "budgetCurrency");

	/** Free text keeps its spaces and line breaks; every other cell is trimmed (spreadsheets pad codes). */
	private static final Set<String> UNTRIMMED = Set.of("description", "reviewNotes");

	static final int MAX_ROWS = 50_000;

	static final int MAX_REPORTED_ERRORS = 1_000;

	private static final String IMPORTED = "IMPORTED";

	private final ProgrammeDraftCheck drafts;

	private final ProgrammeRepository programmes;

	private final ReferenceCodes referenceCodes;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final ObjectMapper json;

	private static final Logger log = LoggerFactory.getLogger(ProgrammeImport.class);

	/** Stamps imported programmes with wall time, as every other change: updated_at is the overlap index's watermark. */
	private final ProgrammeRecord record;

	ProgrammeImport(ProgrammeDraftCheck drafts, ProgrammeRecord record, ProgrammeRepository programmes,
			ReferenceCodes referenceCodes, TransactionTemplate transactions, ApplicationEventPublisher events, ObjectMapper json) {
		this.drafts = drafts;
		this.record = record;
		this.programmes = programmes;
		this.referenceCodes = referenceCodes;
		this.transactions = transactions;
		this.events = events;
		this.json = json;
	}

	/** What an import did: the answer to a successful POST. */
	@org.springframework.modulith.NamedInterface("api")
	public record Report(int imported, Office office, List<Long> programmeIds) {
	}

	/** One problem of the file: the line it starts on (the header is line 1), the column, and why. */
	@org.springframework.modulith.NamedInterface("api")
	public record RowError(long line, String column, String reason) {
	}

	/**
	 * The file was not imported. {@code errors} holds at most {@link #MAX_REPORTED_ERRORS} entries,
	 * {@code errorCount} all of them.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public static class Rejected extends RuntimeException {

		private final List<RowError> errors;

		private final int errorCount;

		private final int rows;

		private final int rowsWithErrors;

		Rejected(String detail, List<RowError> errors, int errorCount, int rows, int rowsWithErrors) {
			super(detail);
			this.errors = List.copyOf(errors);
			this.errorCount = errorCount;
			this.rows = rows;
			this.rowsWithErrors = rowsWithErrors;
		}

		Rejected(String detail, RowError error) {
			this(detail, List.of(error), 1, 0, 0);
		}

		public List<RowError> errors() {
			return errors;
		}

		public int errorCount() {
			return errorCount;
		}

		public int rows() {
			return rows;
		}

		public int rowsWithErrors() {
			return rowsWithErrors;
		}

	}

	/** A row as read: its draft (null when the row could not be read at all) and the cells that did not parse. */
	private record Row(long line, ProgrammeDraft draft, List<Problem> problems) {
	}

	/** An error of a row before it is reported: {@code field} orders the errors of one column. */
	private record Problem(String column, String field, String reason) {
	}

	private record Parsed(List<Row> rows, int dataRows) {
	}

	/** Collects errors for the answer, keeping the first {@link #MAX_REPORTED_ERRORS} and counting all. */
	private static final class Errors {

		final List<RowError> kept = new ArrayList<>();

		final Set<Long> lines = new HashSet<>();

		int count;

		void add(long line, String column, String reason) {
			count++;
			lines.add(line);
			if (kept.size() < MAX_REPORTED_ERRORS) {
				kept.add(new RowError(line, column, reason));
			}
		}

	}

	/**
	 * Imports the UTF-8 CSV file for the office of the signed-in officer.
	 *
	 * @throws Rejected when the file or any row of it is wrong; nothing was written then
	 * @throws org.springframework.security.access.AccessDeniedException for anyone but a programme officer
	 */
	public Report importCsv(CoopflowUser user, InputStream csv) {
		Office office = ProgrammeAccess.officeOfOfficer(user, "import programmes");
		long start = System.nanoTime();
		Parsed parsed = parse(csv, office);
		if (parsed.rows().isEmpty()) {
			throw new Rejected("The file has no rows below the header; nothing was imported.",
					new RowError(2, null, "no rows"));
		}
		long[] checked = new long[1];
		List<Long> ids = transactions.execute(status -> {
			check(parsed);
			checked[0] = System.nanoTime();
			List<ProgrammeDraft> drafts = parsed.rows().stream().map(Row::draft).toList();
			Instant now = record.now();
			List<Long> inserted = programmes.insertAll(drafts, office, ProgrammeStatus.DRAFT, user.getUsername(), now);
			programmes.insertChanges(inserted, IMPORTED, user.getUsername(), now,
					changes(inserted, drafts, office, user.getUsername(), now));
			events.publishEvent(new ProgrammesImported(office, inserted));
			return inserted;
		});
		long end = System.nanoTime();
		log.info("{} imported {} programmes for {} in {} ms ({} ms reading and checking, {} ms writing)",
				user.getUsername(), ids.size(), office, (end - start) / 1_000_000, (checked[0] - start) / 1_000_000,
				(end - checked[0]) / 1_000_000);
		return new Report(ids.size(), office, ids);
	}

	// --- reading the file ---------------------------------------------------------------------------

	private Parsed parse(InputStream csv, Office office) {
		List<Row> rows = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			// blank header names and duplicates are reported below, as column errors of line 1
			.setAllowMissingColumnNames(true)
			.setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
			.get();
		long line = 1;
		int dataRows = 0;
		try (CSVParser parser = format.parse(utf8WithoutBom(csv))) {
			List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
			checkHeader(header);
			var records = parser.iterator();
			while (true) {
				// a record starts on the line after the last line break read (multi-line quoted fields)
				line = parser.getCurrentLineNumber() + 1;
				if (!records.hasNext()) {
					break;
				}
				CSVRecord record = records.next();
				if (record.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (++dataRows > MAX_ROWS) {
					throw new Rejected("A file may hold at most " + MAX_ROWS + " rows; split it and import each part.",
							new RowError(line, null, "more than " + MAX_ROWS + " rows"));
				}
				rows.add(row(record, header, line, office));
			}
		}
		catch (UncheckedIOException | IOException e) {
			throw unreadable(e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e, line);
		}
		return new Parsed(rows, dataRows);
	}

	private static Reader utf8WithoutBom(InputStream csv) throws IOException {
		// a file that is not UTF-8 is refused rather than imported with replacement characters
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		BufferedReader reader = new BufferedReader(new InputStreamReader(csv, decoder), 64 * 1024);
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		return reader;
	}

	private static void checkHeader(List<String> header) {
		List<RowError> errors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i);
			if (name.isEmpty()) {
				errors.add(new RowError(1, null, "column " + (i + 1) + " has no name"));
			}
			else if (!COLUMNS.contains(name) && !OFFICE.equals(name)) {
				errors.add(new RowError(1, name, "is not a column of the import format; the columns are "
						+ String.join(",", COLUMNS) + " (and optionally office)"));
			}
			else if (!seen.add(name)) {
				errors.add(new RowError(1, name, "appears more than once in the header"));
			}
		}
		COLUMNS.stream()
			.filter(REQUIRED::contains)
			.filter(column -> !header.contains(column))
			.forEach(column -> errors.add(new RowError(1, column, "is a required column and missing from the header")));
		if (!errors.isEmpty()) {
			throw new Rejected("The header of the file is wrong; nothing was imported.", errors, errors.size(), 0, 0);
		}
	}

	private static Rejected unreadable(IOException e, long line) {
		if (e instanceof CharacterCodingException) {
			return new Rejected("The file is not UTF-8 text; save it as CSV UTF-8 and import it again.",
					new RowError(line, null, "is not UTF-8 text"));
		}
		return new Rejected("The file is not valid CSV (RFC 4180); nothing was imported.",
				new RowError(line, null, "is not valid CSV: " + rootMessage(e)));
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}

	/** One row as a draft; cells that do not parse are errors of their column, and left null. */
	private static Row row(CSVRecord record, List<String> header, long line, Office office) {
		if (record.size() != header.size()) {
			return new Row(line, null, List.of(new Problem(null, null, "has " + record.size()
					+ " fields where the header has " + header.size()
					+ " (text with a comma, a quote or a line break must be in double quotes)")));
		}
		Cells cells = new Cells(record, header);
		String officeCell = cells.text(OFFICE);
		if (officeCell != null && !officeCell.equals(office.name())) {
			cells.fail(OFFICE, "is '" + officeCell + "', but the file is imported for " + office
					+ ", the office of the importing officer; import each office's programmes separately");
		}
		ProgrammeDraft draft = new ProgrammeDraft(null, cells.text("title"), cells.text("description"),
				cells.enumValue("scope", Scope.class), cells.list("countries"), cells.list("standards"),
				cells.enumList("activityTypes", ActivityType.class), cells.list("sectors"),
				cells.text("beneficiaryInstitution"), cells.text("implementingPartner"), cells.date("plannedStart"),
				cells.date("plannedEnd"), new Money(cells.decimal("budgetAmount"), cells.text("budgetCurrency")),
				cells.integer("fundingDeadlineDays"), cells.text("reviewNotes"), null);
		return new Row(line, draft, cells.problems);
	}

	/** The cells of one record, read by column name; an absent column or an empty cell is null. */
	private static final class Cells {

		private final Map<String, String> values = new HashMap<>();

		final List<Problem> problems = new ArrayList<>();

		Cells(CSVRecord record, List<String> header) {
			for (int i = 0; i < header.size(); i++) {
				String value = record.get(i);
				String column = header.get(i);
				if (!UNTRIMMED.contains(column)) {
					value = value.strip();
				}
				values.put(column, value.isBlank() ? null : value);
			}
		}

		String text(String column) {
			return values.get(column);
		}

		List<String> list(String column) {
			String value = values.get(column);
			if (value == null) {
				return List.of();
			}
			return Arrays.stream(value.split(";")).map(String::strip).filter(item -> !item.isEmpty()).toList();
		}

		<E extends Enum<E>> E enumValue(String column, Class<E> type) {
			String value = values.get(column);
			if (value == null) {
				return null;
			}
			try {
				return Enum.valueOf(type, value);
			}
			catch (IllegalArgumentException e) {
				fail(column, "'" + value + "' is not one of " + names(type));
				return null;
			}
		}

		<E extends Enum<E>> List<E> enumList(String column, Class<E> type) {
			List<E> parsed = new ArrayList<>();
			List<String> unknown = new ArrayList<>();
			for (String item : list(column)) {
				try {
					parsed.add(Enum.valueOf(type, item));
				}
				catch (IllegalArgumentException e) {
					unknown.add("'" + item + "'");
				}
			}
			if (!unknown.isEmpty()) {
				fail(column, String.join(", ", unknown) + (unknown.size() == 1 ? " is not one of " : " are not among ")
						+ names(type));
			}
			return parsed;
		}

		LocalDate date(String column) {
			String value = values.get(column);
			if (value == null) {
				return null;
			}
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException e) {
				fail(column, "'" + value + "' is not a date in the form yyyy-MM-dd");
				return null;
			}
		}

		BigDecimal decimal(String column) {
			String value = values.get(column);
			if (value == null) {
				return null;
			}
			try {
				// no exponents: "1E6" in a budget is a spreadsheet's rendering, not what the officer meant
				if (value.indexOf('e') >= 0 || value.indexOf('E') >= 0) {
					throw new NumberFormatException();
				}
				return new BigDecimal(value);
			}
			catch (NumberFormatException e) {
				fail(column, "'" + value + "' is not an amount such as 250000.00 (a point for decimals, no separators)");
				return null;
			}
		}

		Integer integer(String column) {
			String value = values.get(column);
			if (value == null) {
				return null;
			}
			try {
				return Integer.valueOf(value);
			}
			catch (NumberFormatException e) {
				fail(column, "'" + value + "' is not a whole number");
				return null;
			}
		}

		void fail(String column, String reason) {
			problems.add(new Problem(column, column, reason));
		}

		private static <E extends Enum<E>> String names(Class<E> type) {
			return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
		}

	}

	// --- checking the rows --------------------------------------------------------------------------

	/**
	 * Checks every row against one snapshot of the reference codes and throws, with the cells that did
	 * not parse, every error of every row when there is any.
	 */
	private void check(Parsed parsed) {
		ReferenceCodes.Snapshot codes = referenceCodes.snapshot();
		Errors errors = new Errors();
		for (Row row : parsed.rows()) {
			List<Problem> problems = new ArrayList<>(row.problems());
			if (row.draft() != null) {
				Set<String> unparsed = new HashSet<>();
				row.problems().forEach(problem -> unparsed.add(problem.column()));
				Set<String> fields = new HashSet<>();
				for (InvalidField error : drafts.check(row.draft(), codes)) {
					String column = column(error.field());
					// a cell that did not parse was reported already (its null would add "must not be null"),
					// and one message per list item is enough
					if (!unparsed.contains(column) && fields.add(itemOf(error.field()))) {
						problems.add(new Problem(column, error.field(), reason(error)));
					}
				}
			}
			problems.stream()
				.sorted(Comparator.comparingInt((Problem problem) -> COLUMNS.indexOf(problem.column()))
					.thenComparing(problem -> problem.field() == null ? "" : problem.field()))
				.forEach(problem -> errors.add(row.line(), problem.column(), problem.reason()));
		}
		if (errors.count > 0) {
			throw rejected(errors, parsed.dataRows());
		}
	}

	/** {@code countries[2].<list element>} and {@code countries[2]} are the same item. */
	private static String itemOf(String field) {
		int close = field.indexOf(']');
		return close < 0 ? field : field.substring(0, close + 1);
	}

	/** The CSV column of a draft's field: {@code budget.amount} is budgetAmount, {@code countries[1]} countries. */
	static String column(String field) {
		if (field.startsWith("budget.")) {
			String rest = field.substring("budget.".length());
			return "budget" + Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
		}
		int end = field.length();
		for (char stop : new char[] { '[', '.' }) {
			int at = field.indexOf(stop);
			if (at >= 0) {
				end = Math.min(end, at);
			}
		}
		return field.substring(0, end);
	}

	/** The reason, with the position in the list for an error of one item ("item 2: must be ..."). */
	private static String reason(InvalidField error) {
		int open = error.field().indexOf('[');
		int close = error.field().indexOf(']');
		if (open >= 0 && close > open) {
			int item = Integer.parseInt(error.field().substring(open + 1, close)) + 1;
			return "item " + item + ": " + error.reason();
		}
		return error.reason();
	}

	private static Rejected rejected(Errors errors, int rows) {
		List<RowError> listed = errors.kept;
		String detail = errors.lines.size() + (errors.lines.size() == 1 ? " row" : " rows") + " of " + rows
				+ " cannot be imported (" + errors.count + (errors.count == 1 ? " error" : " errors")
				+ (errors.count > listed.size() ? ", the first " + listed.size() + " listed" : "")
				+ "); nothing was imported. Correct the file and import all of it again.";
		return new Rejected(detail, listed, errors.count, rows, errors.lines.size());
	}

	// --- the history --------------------------------------------------------------------------------

	/** The history entry of each programme: every field as imported, in the shape a CREATED entry has. */
	private Function<Long, Map<String, Object>> changes(List<Long> ids, List<ProgrammeDraft> drafts, Office office,
			String user, Instant now) {
		Map<Long, ProgrammeDraft> byId = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			byId.put(ids.get(i), drafts.get(i));
		}
		return id -> {
			ProgrammeDraft d = byId.get(id);
			ProgrammeView imported = new ProgrammeView(id, office, d.title(), d.description(), d.scopeOrDefault(),
					d.countries(), d.standards(), d.activityTypes().stream().distinct().toList(),
					d.sectors().stream().distinct().toList(), blankToNull(d.beneficiaryInstitution()),
					blankToNull(d.implementingPartner()), d.plannedStart(), d.plannedEnd(), d.budget(),
					d.fundingDeadlineDaysOrDefault(), null, ProgrammeStatus.DRAFT, blankToNull(d.reviewNotes()), user, now, user,
					now, 0);
			@SuppressWarnings("unchecked")
			Map<String, Object> fields = json.convertValue(imported, LinkedHashMap.class);
			List.of("id", "version", "createdBy", "createdAt", "updatedBy", "updatedAt").forEach(fields::remove);
			Map<String, Object> changes = new LinkedHashMap<>();
			fields.forEach((field, value) -> {
				Map<String, Object> change = new LinkedHashMap<>();
				change.put("from", null);
				change.put("to", value);
				changes.put(field, change);
			});
			return changes;
		};
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
