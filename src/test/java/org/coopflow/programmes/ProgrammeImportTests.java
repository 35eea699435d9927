package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopflow.programmes.ImportFiles.file;
import static org.coopflow.programmes.ImportFiles.validRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.TestHttp.Response;
import org.coopflow.reference.Office;
import org.coopflow.security.CoopflowUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@CoopflowTest
@RecordApplicationEvents
class ProgrammeImportTests {

	private static final String IMPORTS = "/api/programmes/imports";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProgrammeImport importer;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEvents events;

	@Test
	void importsAGoodFileAsDraftsOfTheOfficersOffice() {
		Map<String, String> second = validRow("Victims' support in West Africa");
		second.put("scope", "REGIONAL");
		second.put("countries", "");
		second.put("standards", "VICTIMS-DECL");
		second.put("activityTypes", "EXPERT_MEETING");
		second.put("budgetAmount", "80000");
		second.put("budgetCurrency", "EUR");
		second.put("fundingDeadlineDays", "120");
		second.put("reviewNotes", "Carried over from the 2026 spreadsheet");

		Response response = upload("officerCpcjd", file(validRow("Prison reform in Kenya and Uganda"), second));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.header("Location")).isEqualTo("/api/programmes?office=CPCJD&status=DRAFT");
		JsonNode report = response.json();
		assertThat(report.path("imported").asInt()).isEqualTo(2);
		assertThat(report.path("office").asText()).isEqualTo("CPCJD");
		List<Long> ids = ids(report);
		assertThat(ids).hasSize(2);

		TestHttp api = TestHttp.api(port);
		JsonNode first = api.get("/api/programmes/" + ids.get(0), "officerCpcjd").json();
		assertThat(first.path("title").asText()).isEqualTo("Prison reform in Kenya and Uganda");
		assertThat(first.path("office").asText()).isEqualTo("CPCJD");
		assertThat(first.path("status").asText()).isEqualTo("DRAFT");
		assertThat(first.path("createdBy").asText()).isEqualTo("officerCpcjd");
		assertThat(first.path("scope").asText()).isEqualTo("NATIONAL");
		assertThat(first.path("countries")).extracting(JsonNode::asText).containsExactly("KE", "UG");
		assertThat(first.path("activityTypes")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder("TRAINING", "ADVISORY_SERVICES");
		assertThat(first.path("plannedEnd").asText()).isEqualTo("2027-12-31");
		assertThat(first.path("budget").path("amount").decimalValue()).isEqualByComparingTo("250000.00");
		assertThat(first.path("fundingDeadlineDays").asInt()).isEqualTo(ProgrammeDraft.DEFAULT_FUNDING_DEADLINE_DAYS);
		assertThat(first.has("implementingPartner")).isFalse();

		JsonNode regional = api.get("/api/programmes/" + ids.get(1), "reviewerCpcjd").json();
		assertThat(regional.path("scope").asText()).isEqualTo("REGIONAL");
		assertThat(regional.path("countries")).isEmpty();
		assertThat(regional.path("budget").path("currency").asText()).isEqualTo("EUR");
		assertThat(regional.path("fundingDeadlineDays").asInt()).isEqualTo(120);
		assertThat(regional.path("reviewNotes").asText()).isEqualTo("Carried over from the 2026 spreadsheet");

		JsonNode history = api.get("/api/programmes/" + ids.get(0) + "/history", "officerCpcjd").json();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).path("kind").asText()).isEqualTo("IMPORTED");
		assertThat(history.get(0).path("changedBy").asText()).isEqualTo("officerCpcjd");
		assertThat(history.get(0).path("version").asInt()).isZero();
		assertThat(history.get(0).path("changes").path("title").path("to").asText())
			.isEqualTo("Prison reform in Kenya and Uganda");
	}

	@Test
	void importsARawTextCsvBodyWithAByteOrderMarkAndOfficeColumn() {
		List<String> columns = new ArrayList<>(ImportFiles.COLUMNS);
		columns.add(0, "office");
		Map<String, String> row = validRow("Body import with office column");
		row.put("office", "OHCHR");
		String csv = "\uFEFF" + String.join(",", columns) + "\n" + ImportFiles.line(columns, row) + "\n";

		Response response = TestHttp.api(port).send("POST", IMPORTS, "officerOhchr", "text/csv", csv);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().path("office").asText()).isEqualTo("OHCHR");
		JsonNode programme = TestHttp.api(port).get("/api/programmes/" + ids(response.json()).get(0), "officerOhchr").json();
		assertThat(programme.path("title").asText()).isEqualTo("Body import with office column");
		assertThat(programme.path("office").asText()).isEqualTo("OHCHR");
	}

	@Test
	void importsTheExampleOfTheImportDocs() throws IOException {
		String docs = Files.readString(Path.of("docs/import.md"));
		Matcher example = Pattern.compile("```csv\n(.*?)```", Pattern.DOTALL)
			.matcher(docs);
		assertThat(example.find()).as("docs/import.md has a ```csv example").isTrue();

		Response response = upload("officerCpcjd", example.group(1));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().path("imported").asInt()).isEqualTo(3);
	}

	@Test
	void importsNothingWhenOneRowAmongGoodOnesIsBad() {
		Map<String, String> bad = validRow("Ends before it starts");
		bad.put("plannedStart", "2027-06-01");
		bad.put("plannedEnd", "2027-05-31");
		long before = programmeCount();

		Response response = upload("officerCpcjd",
				file(validRow("Good one"), bad, validRow("Good two"), validRow("Good three")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("errorCount").asInt()).isEqualTo(1);
		assertThat(problem.path("rows").asInt()).isEqualTo(4);
		assertThat(problem.path("rowsWithErrors").asInt()).isEqualTo(1);
		assertThat(problem.path("detail").asText()).contains("nothing was imported");
		assertThat(errors(problem)).containsExactly("3 plannedEnd must be after plannedStart");
		assertThat(programmeCount()).isEqualTo(before);
	}

	@Test
	void reportsEveryBadCellOfEveryRowWithTheLineItStartsOn() {
		Map<String, String> multiLine = validRow("Multi-line description, bad date");
		multiLine.put("description", "First line,\nsecond line\nthird line");
		multiLine.put("plannedStart", "01/02/2027");
		Map<String, String> manyBad = validRow("");
		manyBad.put("countries", "KE;XX;ke");
		manyBad.put("standards", "SMR-PRISONERS;NO-SUCH-RULES");
		manyBad.put("activityTypes", "TRAINING;WORKSHOP");
		manyBad.put("sectors", "15130;99999;15130");
		manyBad.put("budgetAmount", "250,000");
		manyBad.put("fundingDeadlineDays", "ninety");
		Map<String, String> badMoney = validRow("Yen with decimals, unknown scope");
		badMoney.put("scope", "WORLDWIDE");
		badMoney.put("budgetAmount", "1000.50");
		badMoney.put("budgetCurrency", "JPY");
		badMoney.put("sectors", "151");
		long before = programmeCount();

		Response response = upload("officerCpcjd", file(validRow("Fine"), multiLine, manyBad, badMoney));

		assertThat(response.status()).isEqualTo(400);
		JsonNode problem = response.json();
		// header 1, "Fine" 2, the multi-line row 3 to 5, manyBad 6, badMoney 7
		assertThat(errors(problem)).containsExactly(
				"3 plannedStart '01/02/2027' is not a date in the form yyyy-MM-dd",
				"6 title must not be blank",
				"6 countries item 2: 'XX' is not an ISO 3166-1 country code",
				"6 countries item 3: must be an ISO 3166-1 alpha-2 code such as KE",
				"6 standards item 2: 'NO-SUCH-RULES' is not in the standards catalogue",
				"6 activityTypes 'WORKSHOP' is not one of ADVISORY_SERVICES, TRAINING, COMPENDIUM_TRANSLATION, "
						+ "SURVEY_SUPPORT, EXPERT_MEETING, LEGISLATIVE_DRAFTING",
				"6 sectors lists a sector more than once",
				"6 sectors item 2: '99999' is not a DAC sector code in use (the OECD DAC purpose codes, e.g. 15130)",
				"6 budgetAmount '250,000' is not an amount such as 250000.00 (a point for decimals, no separators)",
				"6 fundingDeadlineDays 'ninety' is not a whole number",
				"7 scope 'WORLDWIDE' is not one of NATIONAL, REGIONAL, GLOBAL",
				"7 sectors item 1: must be a five-digit DAC sector code such as 15130",
				"7 budgetAmount JPY has 0 decimal places");
		assertThat(problem.path("errorCount").asInt()).isEqualTo(13);
		assertThat(problem.path("rowsWithErrors").asInt()).isEqualTo(3);
		assertThat(programmeCount()).isEqualTo(before);
	}

	@Test
	void reportsARowWithTooFewFieldsAndAnUnclosedQuote() {
		String csv = ImportFiles.HEADER + "\r\nonly,three,fields\r\n";
		JsonNode fewFields = upload("officerCpcjd", csv).json();
		assertThat(fewFields.path("errors").get(0).path("line").asInt()).isEqualTo(2);
		assertThat(fewFields.path("errors").get(0).path("reason").asText()).startsWith("has 3 fields where the header has 15");

		String unclosed = file(validRow("Fine")) + "\"never closed,x\r\n";
		Response response = upload("officerCpcjd", unclosed);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("errors").get(0).path("line").asInt()).isEqualTo(3);
		assertThat(response.json().path("detail").asText()).contains("not valid CSV");
	}

	@Test
	void quotedCommasQuotesLineBreaksAndNonAsciiTextSurvive() {
		Map<String, String> row = validRow("Côte d’Ivoire: \"justice pour mineurs\", phase 2 — 日本語");
		row.put("countries", "CI");
		row.put("description", "Ligne un, avec virgule\r\nLigne deux: \"guillemets\"\nLine three; 日本語の説明 😀");
		row.put("beneficiaryInstitution", "Ministère de la Justice, Abidjan");
		row.put("reviewNotes", "  leading spaces are kept in notes  ");

		Response response = upload("officerCpcjd", file(row));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode programme = TestHttp.api(port).get("/api/programmes/" + ids(response.json()).get(0), "officerCpcjd").json();
		assertThat(programme.path("title").asText()).isEqualTo("Côte d’Ivoire: \"justice pour mineurs\", phase 2 — 日本語");
		assertThat(programme.path("description").asText())
			.isEqualTo("Ligne un, avec virgule\r\nLigne deux: \"guillemets\"\nLine three; 日本語の説明 😀");
		assertThat(programme.path("beneficiaryInstitution").asText()).isEqualTo("Ministère de la Justice, Abidjan");
		assertThat(programme.path("reviewNotes").asText()).isEqualTo("  leading spaces are kept in notes  ");
	}

	@Test
	void onlyProgrammeOfficersImport() {
		String csv = file(validRow("Not allowed"));
		long before = programmeCount();
		for (String user : List.of("coordinatorCpcjd", "donorNorway", "admin")) {
			Response response = upload(user, csv);
			assertThat(response.status()).as(user).isEqualTo(403);
			assertThat(response.contentType()).as(user).startsWith("application/problem+json");
		}
		Response anonymous = upload(null, csv);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(programmeCount()).isEqualTo(before);
	}

	@Test
	void rejectsAWrongHeaderNamingTheColumns() {
		String csv = ImportFiles.HEADER.replace("budgetAmount", "budget") + ",colour\r\n"
				+ ImportFiles.line(ImportFiles.COLUMNS, validRow("Header test")) + ",blue\r\n";

		Response response = upload("officerCpcjd", csv);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors")).extracting(error -> error.path("column").asText())
			.containsExactly("budget", "colour", "budgetAmount");
		assertThat(response.json().path("errors")).allSatisfy(error -> assertThat(error.path("line").asInt()).isEqualTo(1));
		assertThat(response.json().path("errors").get(2).path("reason").asText()).contains("required column");
	}

	@Test
	void rejectsRowsOfTheOtherOfficeAsBadCellsOfTheOfficeColumn() {
		List<String> columns = new ArrayList<>(ImportFiles.COLUMNS);
		columns.add("office");
		Map<String, String> own = validRow("Own office");
		own.put("office", "CPCJD");
		Map<String, String> other = validRow("Other office");
		other.put("office", "OHCHR");
		String csv = String.join(",", columns) + "\n" + ImportFiles.line(columns, own) + "\n"
				+ ImportFiles.line(columns, other) + "\n";
		long before = programmeCount();

		Response response = upload("officerCpcjd", csv);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("errors")).hasSize(1);
		assertThat(errors(response.json()).get(0)).startsWith("3 office is 'OHCHR', but the file is imported for CPCJD");
		assertThat(programmeCount()).isEqualTo(before);
	}

	@Test
	void rejectsAFileWithoutRows() {
		Response response = upload("officerCpcjd", ImportFiles.HEADER + "\r\n\r\n");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("detail").asText()).contains("no rows");
		assertThat(response.json().path("errors").get(0).path("reason").asText()).isEqualTo("no rows");
	}

	@Test
	void rejectsAFileThatIsNotUtf8() {
		byte[] latin1 = file(validRow("Côte d'Ivoire in Latin-1")).getBytes(StandardCharsets.ISO_8859_1);

		Response response = TestHttp.api(port)
			.postFile(IMPORTS, "officerCpcjd", "file", "portfolio.csv", "text/csv", latin1);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("detail").asText()).contains("not UTF-8");
	}

	@Test
	void announcesTheImportedProgrammesForOverlapScreening() {
		CoopflowUser officer = (CoopflowUser) users.loadUserByUsername("officerOhchr");
		String csv = file(validRow("Event one"), validRow("Event two"));

		ProgrammeImport.Report report = importer.importCsv(officer,
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

		assertThat(events.stream(ProgrammesImported.class))
			.containsExactly(new ProgrammesImported(Office.OHCHR, report.programmeIds()));
	}

	/**
	 * Correctness at size only: how long it takes is measured by {@code bench.ImportBenchmark}, never
	 * asserted in a test.
	 */
	@Test
	void importsTenThousandRows() {
		byte[] csv = ImportFiles.generated(10_000).getBytes(StandardCharsets.UTF_8);
		long before = programmeCount();

		Response response = TestHttp.api(port).postFile(IMPORTS, "officerCpcjd", "file", "portfolio.csv", "text/csv", csv);

		assertThat(response.status()).as(response.body().substring(0, Math.min(2000, response.body().length())))
			.isEqualTo(201);
		List<Long> ids = ids(response.json());
		try {
			assertThat(response.json().path("imported").asInt()).isEqualTo(10_000);
			assertThat(ids).hasSize(10_000).doesNotHaveDuplicates();
			assertThat(programmeCount()).isEqualTo(before + 10_000);
			assertThat(countOf("programme", "id", ids, "status = 'DRAFT' AND office_code = 'CPCJD'")).isEqualTo(10_000);
			assertThat(countOf("programme_change", "programme_id", ids, "kind = 'IMPORTED'")).isEqualTo(10_000);
			assertThat(countOf("programme_country", "programme_id", ids, "1 = 1")).isEqualTo(20_000);
			assertThat(countOf("programme_standard", "programme_id", ids, "1 = 1")).isEqualTo(20_000);
			assertThat(countOf("programme_activity_type", "programme_id", ids, "1 = 1")).isEqualTo(20_000);
			assertThat(countOf("programme_sector", "programme_id", ids, "1 = 1")).isEqualTo(15_000);
		}
		finally {
			// the test context (and its database) is shared with every other @CoopflowTest class, whose
			// searches should not wade through 10,000 drafts; a context of its own is no way out, as a
			// second Camunda engine in the JVM takes over the shared context's webapps
			deleteProgrammes(ids);
		}
	}

	@Test
	void mapsFieldNamesToColumns() {
		assertThat(ProgrammeImport.column("budget.amount")).isEqualTo("budgetAmount");
		assertThat(ProgrammeImport.column("budget.currency")).isEqualTo("budgetCurrency");
		assertThat(ProgrammeImport.column("countries[1]")).isEqualTo("countries");
		assertThat(ProgrammeImport.column("sectors[0].<list element>")).isEqualTo("sectors");
		assertThat(ProgrammeImport.column("plannedEnd")).isEqualTo("plannedEnd");
	}

	private Response upload(String user, String csv) {
		return TestHttp.api(port)
			.postFile(IMPORTS, user, "file", "portfolio.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
	}

	private long programmeCount() {
		return jdbc.sql("SELECT COUNT(*) FROM programme").query(Long.class).single();
	}

	private long countOf(String table, String idColumn, List<Long> ids, String condition) {
		long count = 0;
		for (List<Long> chunk : chunks(ids)) {
			count += jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + condition + " AND " + idColumn + " IN ("
					+ String.join(",", chunk.stream().map(String::valueOf).toList()) + ")").query(Long.class).single();
		}
		return count;
	}

	private void deleteProgrammes(List<Long> ids) {
		for (List<Long> chunk : chunks(ids)) {
			String in = " IN (" + String.join(",", chunk.stream().map(String::valueOf).toList()) + ")";
			jdbc.sql("DELETE FROM programme_change WHERE programme_id" + in).update();
			// the lookup rows go with their programme (ON DELETE CASCADE)
			jdbc.sql("DELETE FROM programme WHERE id" + in).update();
		}
	}

	private static List<List<Long>> chunks(List<Long> ids) {
		List<List<Long>> chunks = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += 1000) {
			chunks.add(ids.subList(from, Math.min(ids.size(), from + 1000)));
		}
		return chunks;
	}

	private static List<Long> ids(JsonNode report) {
		return StreamSupport.stream(report.path("programmeIds").spliterator(), false).map(JsonNode::asLong).toList();
	}

	/** Each error as "line column reason", for exact comparison. */
	private static List<String> errors(JsonNode problem) {
		return StreamSupport.stream(problem.path("errors").spliterator(), false)
			.map(error -> error.path("line").asInt() + " " + error.path("column").asText() + " "
					+ error.path("reason").asText())
			.toList();
	}


	@Test
	void aRawBodyLargerThanTheUploadLimitIsRefused() {
		StringBuilder csv = new StringBuilder(
				"title,description,standards,activityTypes,plannedStart,plannedEnd,budgetAmount,budgetCurrency,countries\n");
		csv.append("Too big,\"");
		csv.append("x".repeat((int) ProgrammeImportController.MAX_BODY_BYTES + 1024));
		csv.append("\",SMR-PRISONERS,TRAINING,2027-01-01,2027-12-31,1000,USD,KE\n");
		org.coopflow.TestHttp.Response response = org.coopflow.TestHttp.api(port)
			.send("POST", "/api/programmes/imports", "officerCpcjd", "text/csv", csv.toString());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("detail").asText()).contains("larger than 20 MB");
	}

}
