package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.security.CoopflowUser;
import org.coopflow.shared.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The programmes API as each role meets it, over real HTTP on a real database.
 */
@CoopflowTest
class ProgrammeApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ProposalLifecycle service;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProposalSubmission submission;

	@Autowired
	UserDetailsService users;

	@Autowired
	TransactionTemplate transactions;

	private final ObjectMapper json = new ObjectMapper();

	private TestHttp api() {
		return TestHttp.api(port);
	}

	/** A valid draft with a title nobody else's test uses, so searches find only this test's data. */
	static ObjectNode draft(ObjectMapper json, String title) {
		ObjectNode draft = json.createObjectNode();
		draft.put("title", title);
		draft.put("description", "Advisory services and training on the Nelson Mandela Rules for prison staff");
		draft.putArray("countries").add("KE").add("UG");
		draft.putArray("standards").add("SMR-PRISONERS").add("TOKYO-RULES");
		draft.putArray("activityTypes").add("ADVISORY_SERVICES").add("TRAINING");
		draft.putArray("sectors").add("15130");
		draft.put("beneficiaryInstitution", "Kenya Prisons Service");
		// a period of its own, so that screening never pairs it with another test's programme
		org.coopflow.TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", "250000.00").put("currency", "USD");
		draft.put("reviewNotes", "internal: check overlap with OHCHR detention monitoring");
		return draft;
	}

	private JsonNode create(String user, ObjectNode draft) {
		TestHttp.Response response = api().send("POST", "/api/programmes", user, "application/json", draft.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void officerCreatesADraftForTheirOffice() {
		String title = unique("Prison reform");
		TestHttp.Response response = api().send("POST", "/api/programmes", "officerCpcjd", "application/json",
				draft(json, title).toString());
		assertThat(response.status()).isEqualTo(201);
		JsonNode created = response.json();
		assertThat(response.header("Location")).isEqualTo("/api/programmes/" + created.path("id").asLong());
		assertThat(response.header("ETag")).isEqualTo("\"0\"");
		assertThat(created.path("office").asText()).isEqualTo("CPCJD");
		assertThat(created.path("status").asText()).isEqualTo("DRAFT");
		assertThat(created.path("budget").path("amount").decimalValue()).isEqualByComparingTo("250000.00");
		assertThat(created.path("budget").path("currency").asText()).isEqualTo("USD");
		assertThat(created.path("countries")).hasSize(2);
		assertThat(created.path("scope").asText()).isEqualTo("NATIONAL");
		assertThat(created.path("fundingDeadlineDays").asInt()).isEqualTo(90);
		assertThat(created.path("createdBy").asText()).isEqualTo("officerCpcjd");
	}

	@ParameterizedTest(name = "{0} creating -> {1}")
	@CsvSource(nullValues = "anonymous", value = { "anonymous, 401", "donorNorway, 403", "coordinatorCpcjd, 403",
			"admin, 403" })
	void onlyOfficersCreate(String user, int status) {
		TestHttp.Response response = api().send("POST", "/api/programmes", user, "application/json",
				draft(json, unique("Not allowed")).toString());
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void officerCannotCreateForTheOtherOffice() {
		ObjectNode draft = draft(json, unique("Other office"));
		draft.put("office", "OHCHR");
		TestHttp.Response response = api().send("POST", "/api/programmes", "officerCpcjd", "application/json",
				draft.toString());
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().path("detail").asText()).contains("OHCHR");
	}

	@Test
	void invalidDraftListsEveryProblemAndStoresNothing() {
		long before = jdbc.sql("SELECT COUNT(*) FROM programme").query(Long.class).single();
		ObjectNode draft = draft(json, "");
		draft.putArray("countries").add("XX");
		draft.putArray("standards").add("NOT-A-STANDARD");
		draft.putArray("sectors").add("15130").add("99999");
		draft.put("plannedEnd", "2026-06-30");
		draft.putObject("budget").put("amount", "1000.5").put("currency", "JPY");
		TestHttp.Response response = api().send("POST", "/api/programmes", "officerCpcjd", "application/json",
				draft.toString());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		List<String> fields = new ArrayList<>();
		response.json().path("errors").forEach(error -> {
			fields.add(error.path("field").asText());
			assertThat(error.path("reason").asText()).isNotBlank();
		});
		assertThat(fields).contains("title", "countries[0]", "standards[0]", "sectors[1]", "plannedEnd", "budget.amount");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM programme").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void unknownEnumValueNamesTheField() {
		ObjectNode draft = draft(json, unique("Bad type"));
		draft.putArray("activityTypes").add("JUGGLING");
		TestHttp.Response response = api().send("POST", "/api/programmes", "officerCpcjd", "application/json",
				draft.toString());
		assertThat(response.status()).isEqualTo(400);
		JsonNode error = response.json().path("errors").get(0);
		assertThat(error.path("field").asText()).isEqualTo("activityTypes[0]");
		assertThat(error.path("reason").asText()).contains("JUGGLING").contains("TRAINING");
	}

	@Test
	void aNumberForADateIsRefusedWithTheFieldNamedAndNothingStored() {
		long before = jdbc.sql("SELECT COUNT(*) FROM programme").query(Long.class).single();
		for (int number : new int[] { 12345, -1 }) {
			ObjectNode draft = draft(json, unique("Epoch day"));
			draft.put("plannedStart", number);
			TestHttp.Response response = api().send("POST", "/api/programmes", "officerCpcjd", "application/json",
					draft.toString());
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			JsonNode error = response.json().path("errors").get(0);
			assertThat(error.path("field").asText()).isEqualTo("plannedStart");
			assertThat(error.path("reason").asText()).contains("2026-11-30");
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM programme").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aNumberForAnEnumValueIsRefusedWithTheFieldNamed() {
		ObjectNode draft = draft(json, unique("Enum by position"));
		draft.putArray("activityTypes").add(1);
		TestHttp.Response response = api().send("POST", "/api/programmes", "officerCpcjd", "application/json",
				draft.toString());
		assertThat(response.status()).isEqualTo(400);
		JsonNode error = response.json().path("errors").get(0);
		assertThat(error.path("field").asText()).isEqualTo("activityTypes[0]");
		assertThat(error.path("reason").asText()).contains("TRAINING");
	}

	@Test
	void everyoneButDonorsReadsBothOffices() {
		long id = create("officerOhchr", draft(json, unique("Detention monitoring"))).path("id").asLong();
		for (String user : List.of("officerCpcjd", "officerOhchr", "coordinatorCpcjd", "coordinatorOhchr", "admin")) {
			TestHttp.Response response = api().get("/api/programmes/" + id, user);
			assertThat(response.status()).as(user).isEqualTo(200);
			assertThat(response.json().path("reviewNotes").asText()).as(user).startsWith("internal");
		}
		assertThat(api().get("/api/programmes/" + id, "donorNorway").status()).isEqualTo(404);
		assertThat(api().get("/api/programmes/" + id, null).status()).isEqualTo(401);
		assertThat(api().get("/api/programmes/999999999", "admin").status()).isEqualTo(404);
	}

	@Test
	void donorsSeeOnlyProgrammesOpenForFundingWithoutReviewNotes() {
		String token = unique("Donor visible");
		long open = create("officerCpcjd", draft(json, token + " open")).path("id").asLong();
		create("officerCpcjd", draft(json, token + " draft"));
		service.submit(open, "officerCpcjd");
		service.awaitReview(open);
		service.openForFunding(open, "reviewerCpcjd");

		JsonNode one = api().get("/api/programmes/" + open, "donorJapan").json();
		assertThat(one.path("status").asText()).isEqualTo("OPEN_FOR_FUNDING");
		// open for funding for 90 days from now: donors see until when
		java.time.Instant deadline = java.time.Instant.parse(one.path("fundingDeadlineAt").asText());
		assertThat(deadline).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(89)),
				java.time.Instant.now().plus(java.time.Duration.ofDays(91)));
		assertThat(one.has("reviewNotes")).isFalse();
		assertThat(one.has("createdBy")).isFalse();

		JsonNode page = api().get("/api/programmes?text=" + token.replace(" ", "%20"), "donorJapan").json();
		assertThat(page.path("content")).hasSize(1);
		assertThat(page.path("content").get(0).path("id").asLong()).isEqualTo(open);
		assertThat(page.path("content").get(0).has("reviewNotes")).isFalse();
		assertThat(api().get("/api/programmes?status=DRAFT&text=" + token.replace(" ", "%20"), "donorJapan").json()
			.path("content")).isEmpty();
		assertThat(api().get("/api/programmes?text=" + token.replace(" ", "%20"), "coordinatorOhchr").json()
			.path("content")).hasSize(2);
	}

	@Test
	void searchFiltersByOfficeCountryStandardStatusAndTextWithPages() {
		String token = unique("Filterable");
		ObjectNode kenya = draft(json, token + " Kenya");
		ObjectNode japan = draft(json, token + " Japan");
		japan.putArray("countries").add("JP");
		japan.putArray("standards").add("VICTIMS-DECL");
		create("officerCpcjd", kenya);
		create("officerOhchr", japan);
		create("officerOhchr", draft(json, token + " Kenya two"));
		String text = "&text=" + token.replace(" ", "%20");

		assertThat(total("?office=CPCJD" + text)).isEqualTo(1);
		assertThat(total("?office=OHCHR" + text)).isEqualTo(2);
		assertThat(total("?country=KE" + text)).isEqualTo(2);
		assertThat(total("?country=JP" + text)).isEqualTo(1);
		assertThat(total("?standard=VICTIMS-DECL" + text)).isEqualTo(1);
		assertThat(total("?status=DRAFT" + text)).isEqualTo(3);
		assertThat(total("?status=FUNDED" + text)).isZero();

		JsonNode firstPage = api().get("/api/programmes?size=2&page=0" + text, "admin").json();
		assertThat(firstPage.path("content")).hasSize(2);
		assertThat(firstPage.path("page").path("totalElements").asLong()).isEqualTo(3);
		assertThat(firstPage.path("page").path("totalPages").asLong()).isEqualTo(2);
		assertThat(api().get("/api/programmes?size=2&page=1" + text, "admin").json().path("content")).hasSize(1);
	}

	private long total(String query) {
		return api().get("/api/programmes" + query, "coordinatorCpcjd").json().path("page").path("totalElements").asLong();
	}

	@Test
	void badPagingIsABadRequest() {
		TestHttp.Response response = api().get("/api/programmes?size=1000", "admin");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("size");
		assertThat(api().get("/api/programmes?status=NOPE", "admin").json().path("errors").get(0).path("field").asText())
			.isEqualTo("status");
	}

	@Test
	void updateNeedsTheVersionReadAndRejectsAStaleWrite() {
		ObjectNode draft = draft(json, unique("Versioned"));
		long id = create("officerCpcjd", draft).path("id").asLong();
		String path = "/api/programmes/" + id;

		draft.put("title", "Versioned, renamed");
		TestHttp.Response missing = api().send("PUT", path, "officerCpcjd", "application/json", draft.toString());
		assertThat(missing.status()).isEqualTo(400);

		draft.put("version", 0);
		TestHttp.Response first = api().send("PUT", path, "officerCpcjd", "application/json", draft.toString());
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.header("ETag")).isEqualTo("\"1\"");
		assertThat(first.json().path("title").asText()).isEqualTo("Versioned, renamed");

		draft.put("title", "A lost update");
		TestHttp.Response stale = api().send("PUT", path, "officerCpcjd", "application/json", draft.toString());
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.contentType()).startsWith("application/problem+json");
		assertThat(api().get(path, "admin").json().path("title").asText()).isEqualTo("Versioned, renamed");
	}

	@Test
	void ifMatchHeaderCarriesTheVersion() {
		ObjectNode draft = draft(json, unique("If-Match"));
		long id = create("reviewerCpcjd", draft).path("id").asLong();
		draft.put("title", "If-Match renamed");
		TestHttp.Response stale = api().sendWithHeaders("PUT", "/api/programmes/" + id, "reviewerCpcjd",
				java.util.Map.of("If-Match", "\"7\""), "application/json", draft.toString());
		assertThat(stale.status()).isEqualTo(412);
		TestHttp.Response ok = api().sendWithHeaders("PUT", "/api/programmes/" + id, "reviewerCpcjd",
				java.util.Map.of("If-Match", "\"0\""), "application/json", draft.toString());
		assertThat(ok.status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0} changing a CPCJD programme -> {1}")
	@CsvSource({ "officerOhchr, 403", "coordinatorCpcjd, 403", "donorNorway, 403", "admin, 403" })
	void onlyTheOwningOfficesOfficersChange(String user, int status) {
		ObjectNode draft = draft(json, unique("Owned"));
		long id = create("officerCpcjd", draft).path("id").asLong();
		draft.put("version", 0);
		TestHttp.Response response = api().send("PUT", "/api/programmes/" + id, user, "application/json",
				draft.toString());
		assertThat(response.status()).isEqualTo(status);
		assertThat(api().get("/api/programmes/" + id, "admin").json().path("version").asInt()).isZero();
	}

	@Test
	void aProposalUnderReviewCannotBeEdited() {
		ObjectNode draft = draft(json, unique("Frozen"));
		long id = create("officerCpcjd", draft).path("id").asLong();
		service.submit(id, "officerCpcjd");
		int version = api().get("/api/programmes/" + id, "admin").json().path("version").asInt();
		draft.put("version", version);
		TestHttp.Response response = api().send("PUT", "/api/programmes/" + id, "officerCpcjd", "application/json",
				draft.toString());
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().path("detail").asText()).contains("SUBMITTED");
	}

	@ParameterizedTest(name = "{0} submitting a CPCJD draft -> {1}")
	@CsvSource(nullValues = "anonymous", value = { "anonymous, 401", "officerOhchr, 403", "coordinatorCpcjd, 403",
			"donorNorway, 404", "admin, 403" })
	void onlyTheOwningOfficesOfficersSubmit(String user, int status) {
		long id = create("officerCpcjd", draft(json, unique("Submit rights"))).path("id").asLong();
		TestHttp.Response response = api().send("POST", "/api/programmes/" + id + "/submission", user, null, null);
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(api().get("/api/programmes/" + id, "admin").json().path("status").asText()).isEqualTo("DRAFT");
	}

	@Test
	void submittingStartsTheProposalAndOnlyOnce() {
		long id = create("officerOhchr", draft(json, unique("Submitted once"))).path("id").asLong();
		TestHttp.Response submitted = api().send("POST", "/api/programmes/" + id + "/submission", "officerOhchr", null,
				null);
		assertThat(submitted.status()).isEqualTo(201);
		assertThat(submitted.header("Location")).isEqualTo("/api/programmes/" + id + "/submission");
		assertThat(submitted.json().path("status").asText()).isEqualTo("UNDER_REVIEW");
		TestHttp.Response again = api().send("POST", "/api/programmes/" + id + "/submission", "officerOhchr", null, null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("detail").asText()).contains("is under review: only a draft can be submitted");
		assertThat(api().send("POST", "/api/programmes/999999999/submission", "officerOhchr", null, null).status())
			.isEqualTo(404);
	}

	@Test
	void aSubmissionThatWouldLeaveNobodyToReviewIsRefused() {
		long id = create("officerOhchr", draft(json, unique("Nobody left"))).path("id").asLong();
		CoopflowUser writer = (CoopflowUser) users.loadUserByUsername("officerOhchr");
		CoopflowUser colleague = (CoopflowUser) users.loadUserByUsername("reviewerOhchr");
		// the office as the demo has it, two officers, whatever other tests added: in a transaction rolled back
		transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE role = 'PROGRAMME_OFFICER' AND office_code = 'OHCHR' "
					+ "AND username NOT IN ('officerOhchr', 'reviewerOhchr')").update();
			assertThatThrownBy(() -> submission.submit(colleague, id)).isInstanceOf(ConflictException.class)
				.hasMessageContaining("No programme officer of OHCHR would be left to review programme " + id)
				.hasMessageContaining("Ask Carlos Peña to submit it instead");
			assertThat(jdbc.sql("SELECT status FROM programme WHERE id = ?").param(id).query(String.class).single())
				.as("in this transaction too").isEqualTo("DRAFT");
			// its writer may: the colleague reviews
			assertThat(submission.submit(writer, id).status()).isEqualTo(ProgrammeStatus.UNDER_REVIEW);
		});
		assertThat(api().get("/api/programmes/" + id, "admin").json().path("status").asText()).isEqualTo("DRAFT");
	}

	@Test
	void concurrentSubmissionsStartOneProposalAndRefuseTheRest() throws Exception {
		long id = create("officerCpcjd", draft(json, unique("Raced"))).path("id").asLong();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				answers.add(pool.submit(() -> api().send("POST", "/api/programmes/" + id + "/submission", "officerCpcjd",
						null, null).status()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (var answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
		}
		finally {
			pool.shutdown();
		}
		JsonNode history = api().get("/api/programmes/" + id + "/history", "admin").json();
		assertThat(history.findValuesAsText("kind").stream().filter("SUBMITTED"::equals)).hasSize(1);
	}

	@Test
	void historyKeepsWhoChangedWhatAndWhen() {
		ObjectNode draft = draft(json, unique("Historic"));
		long id = create("officerCpcjd", draft).path("id").asLong();
		draft.put("version", 0);
		draft.putObject("budget").put("amount", "300000.00").put("currency", "USD");
		assertThat(api().send("PUT", "/api/programmes/" + id, "officerCpcjd", "application/json", draft.toString())
			.status()).isEqualTo(200);
		service.submit(id, "officerCpcjd");

		JsonNode history = api().get("/api/programmes/" + id + "/history", "coordinatorOhchr").json();
		assertThat(history).hasSize(3);
		assertThat(history.get(0).path("kind").asText()).isEqualTo("CREATED");
		assertThat(history.get(1).path("kind").asText()).isEqualTo("UPDATED");
		assertThat(history.get(1).path("changedBy").asText()).isEqualTo("officerCpcjd");
		assertThat(history.get(1).path("changedAt").asText()).isNotBlank();
		JsonNode budget = history.get(1).path("changes").path("budget");
		assertThat(budget.path("from").path("amount").decimalValue()).isEqualByComparingTo("250000");
		assertThat(budget.path("to").path("amount").decimalValue()).isEqualByComparingTo("300000");
		assertThat(history.get(1).path("changes").has("title")).isFalse();
		assertThat(history.get(2).path("changes").path("status").path("to").asText()).isEqualTo("SUBMITTED");

		assertThat(api().get("/api/programmes/" + id + "/history", "donorNorway").status()).isEqualTo(403);
		assertThat(api().get("/api/programmes/999999999/history", "admin").status()).isEqualTo(404);
	}

	@Test
	void fundingStatusIsSummedFromTheFundingEntries() {
		long id = create("officerCpcjd", draft(json, unique("Funded"))).path("id").asLong();
		JsonNode empty = api().get("/api/programmes/" + id + "/funding", "officerOhchr").json();
		assertThat(empty.path("budget").decimalValue()).isEqualByComparingTo("250000");
		assertThat(empty.path("pledged").decimalValue()).isZero();
		assertThat(empty.path("committed").decimalValue()).isZero();
		assertThat(empty.path("received").decimalValue()).isZero();
		assertThat(empty.path("gap").decimalValue()).isEqualByComparingTo("250000");
		assertThat(empty.path("usd").path("budget").decimalValue()).isEqualByComparingTo("250000");

		for (Object[] entry : List.of(new Object[] { "P1", "PLEDGED", "50000.00", "50000.00" },
				new Object[] { "P1", "COMMITTED", "50000.00", "50000.00" },
				new Object[] { "P2", "COMMITTED", "70000.00", "70000.00" },
				new Object[] { "P1", "RECEIVED", "20000.00", "20000.00" })) {
			jdbc.sql("""
					INSERT INTO programme_funding_entry (programme_id, pledge_ref, stage, amount, amount_usd, recorded_at)
					VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""")
				.params(id, entry[0], entry[1], new java.math.BigDecimal((String) entry[2]),
						new java.math.BigDecimal((String) entry[3]))
				.update();
		}
		JsonNode funded = api().get("/api/programmes/" + id + "/funding", "admin").json();
		assertThat(funded.path("committed").decimalValue()).isEqualByComparingTo("120000");
		assertThat(funded.path("received").decimalValue()).isEqualByComparingTo("20000");
		assertThat(funded.path("gap").decimalValue()).isEqualByComparingTo("130000");
		assertThat(funded.path("usd").path("gap").decimalValue()).isEqualByComparingTo("130000");
		assertThat(service.fullyFunded(id)).isFalse();
		jdbc.sql("""
				INSERT INTO programme_funding_entry (programme_id, pledge_ref, stage, amount, amount_usd, recorded_at)
				VALUES (?, 'P3', 'COMMITTED', 130000.00, 130000.00, CURRENT_TIMESTAMP)""").param(id).update();
		assertThat(service.fullyFunded(id)).isTrue();

		assertThat(api().get("/api/programmes/" + id + "/funding", "donorNorway").status()).isEqualTo(404);
	}

	@Test
	void fundingInAnotherCurrencySaysWhenNoRateIsKnown() {
		// a currency no other test enters a rate for: rates are shared by every test of the context
		ObjectNode draft = draft(json, unique("Tugrik"));
		draft.putObject("budget").put("amount", "30000000").put("currency", "MNT");
		long id = create("officerOhchr", draft).path("id").asLong();
		JsonNode status = api().get("/api/programmes/" + id + "/funding", "admin").json();
		assertThat(status.path("currency").asText()).isEqualTo("MNT");
		assertThat(status.path("usdRateMissing").asBoolean()).isTrue();
		assertThat(status.has("usd")).isFalse();

		new org.coopflow.pledges.PledgeFixtures(api()).rate("MNT", "150.000000");
		JsonNode converted = api().get("/api/programmes/" + id + "/funding", "admin").json();
		assertThat(converted.path("usd").path("budget").decimalValue()).isEqualByComparingTo("200000.00");
	}

}
