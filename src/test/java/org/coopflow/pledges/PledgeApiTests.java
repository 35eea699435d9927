package org.coopflow.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pledge API's rules against the real database: idempotent intake, every problem of a request
 * named at once with nothing stored, Member States kept apart, amounts kept in every revision, and
 * totals summed from stored amounts.
 */
@CoopflowTest
class PledgeApiTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	PledgeFixtures fixtures;

	TestHttp api;

	@BeforeEach
	void setUp() {
		api = TestHttp.api(port);
		fixtures = new PledgeFixtures(api);
	}

	private long pledges() {
		return jdbc.sql("SELECT COUNT(*) FROM pledge").query(Long.class).single();
	}

	private TestHttp.Response post(String donor, String key, String body) {
		return api.sendWithHeaders("POST", "/api/pledges", donor, key == null ? Map.of() : Map.of("Idempotency-Key", key),
				"application/json", body);
	}

	@Test
	void theDonorIsTheSignedInMemberStateNeverTheBody() {
		ObjectNode request = PledgeFixtures.pledge("250000.00", "USD");
		request.put("donor", "JP");
		TestHttp.Response refused = post("donorNorway", null, request.toString());
		assertThat(refused.status()).as("unknown fields are refused").isEqualTo(400);

		JsonNode created = fixtures.create("donorNorway", PledgeFixtures.pledge("250000.00", "USD"));
		assertThat(created.path("donor").asText()).isEqualTo("NO");
		assertThat(created.path("status").asText()).isEqualTo("PLEDGED");
		assertThat(created.path("amountUsd").decimalValue()).isEqualByComparingTo("250000.00");
		assertThat(created.path("exchangeRate").decimalValue()).isEqualByComparingTo("1");
		assertThat(created.path("instalments")).hasSize(1);
		assertThat(created.path("announcedAt").isTextual()).isTrue();
	}

	@Test
	void theSameKeyAndBodyReturnTheSamePledgeAndAnotherBodyIsAConflict() {
		String key = UUID.randomUUID().toString();
		String body = PledgeFixtures.pledge("1000", "USD").toString();
		TestHttp.Response first = post("donorNorway", key, body);
		assertThat(first.status()).isEqualTo(201);
		TestHttp.Response again = post("donorNorway", key, PledgeFixtures.pledge("1000.00", "USD").toString());
		assertThat(again.status()).as("1000 and 1000.00 are the same amount").isEqualTo(200);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());

		TestHttp.Response other = post("donorNorway", key, PledgeFixtures.pledge("2000", "USD").toString());
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.contentType()).startsWith("application/problem+json");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge WHERE idempotency_key = ?").param(key).query(Long.class).single())
			.isOne();
	}

	@Test
	void aKeyUsedBeforeIsAConflictEvenWhenTheOtherBodyIsInvalid() {
		String key = UUID.randomUUID().toString();
		assertThat(post("donorNorway", key, PledgeFixtures.pledge("1000", "USD").toString()).status()).isEqualTo(201);
		// intake records first and finds the key by its unique constraint; the answer is the one a look-up
		// before the checks gave: the key is taken, whatever else is wrong with this body
		TestHttp.Response other = post("donorNorway", key, PledgeFixtures.pledge("-5", "XXX").toString());
		assertThat(other.status()).as(other.body()).isEqualTo(409);
		assertThat(other.contentType()).startsWith("application/problem+json");
	}

	@Test
	void theAnswerToAnIntakeIsThePledgeAsStored() {
		ObjectNode body = PledgeFixtures.pledge("1234.5", "USD");
		body.putArray("instalments")
			.add(JSON.createObjectNode().put("dueDate", java.time.LocalDate.now().plusDays(30).toString()).put("amount", "1000.5"))
			.add(JSON.createObjectNode().put("dueDate", java.time.LocalDate.now().plusDays(60).toString()).put("amount", "234"));
		TestHttp.Response created = post("donorNorway", UUID.randomUUID().toString(), body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		// the answer is built from the pledge as just written, not read again: it must be what a read gives
		TestHttp.Response read = api.send("GET", "/api/pledges/" + created.json().path("id").asLong(), "donorNorway", null, null);
		assertThat(read.status()).isEqualTo(200);
		assertThat(created.json()).isEqualTo(read.json());
		assertThat(created.json().path("instalments")).hasSize(2);
	}

	@Test
	void sixteenConcurrentIdenticalRequestsMakeExactlyOnePledge() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = PledgeFixtures.pledge("777.77", "USD").toString();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<TestHttp.Response>> answers = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				Callable<TestHttp.Response> call = () -> {
					start.await();
					return post("donorJapan", key, body);
				};
				answers.add(pool.submit(call));
			}
			start.countDown();
			List<Long> ids = new ArrayList<>();
			int created = 0;
			for (Future<TestHttp.Response> answer : answers) {
				TestHttp.Response response = answer.get();
				assertThat(response.status()).as(response.body()).isIn(200, 201);
				created += response.status() == 201 ? 1 : 0;
				ids.add(response.json().path("id").asLong());
			}
			assertThat(created).isOne();
			assertThat(ids).containsOnly(ids.get(0));
			assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge WHERE idempotency_key = ?").param(key).query(Long.class).single())
				.isOne();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = ? AND PARENT_ID_ IS NULL")
				.param(DonorPledgeProcess.businessKey(ids.get(0)))
				.query(Long.class)
				.single()).as("one process for the one pledge").isOne();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void everyProblemOfARequestIsNamedAndNothingIsStored() {
		long before = pledges();
		ObjectNode request = PledgeFixtures.pledge("1000.5", "JPY");
		request.remove("office");
		request.put("lapseDate", PledgeFixtures.today().minusDays(1).toString());
		TestHttp.Response response = post("donorJapan", UUID.randomUUID().toString(), request.toString());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors").findValuesAsText("field")).contains("amount", "office", "lapseDate");

		ObjectNode unbalanced = PledgeFixtures.pledge("1000", "USD");
		var instalments = unbalanced.putArray("instalments");
		instalments.addObject().put("dueDate", PledgeFixtures.today().plusMonths(1).toString()).put("amount", "600");
		instalments.addObject().put("dueDate", PledgeFixtures.today().plusMonths(2).toString()).put("amount", "300");
		instalments.addObject().put("amount", "-100");
		JsonNode errors = post("donorJapan", null, unbalanced.toString()).json().path("errors");
		assertThat(errors.findValuesAsText("field")).contains("instalments[2].dueDate", "instalments[2].amount");

		instalments.remove(2);
		JsonNode sum = post("donorJapan", null, unbalanced.toString()).json().path("errors");
		assertThat(sum.findValuesAsText("field")).containsExactly("instalments");
		assertThat(sum.findValuesAsText("reason").get(0)).contains("USD 900.00").contains("USD 1000.00");

		assertThat(post("donorJapan", null, PledgeFixtures.pledge("5", "XAU").toString()).json().path("errors")
			.findValuesAsText("field")).containsExactly("currency");
		assertThat(post("donorJapan", null, PledgeFixtures.pledge("0", "USD").toString()).status()).isEqualTo(400);
		assertThat(pledges()).isEqualTo(before);
	}

	@Test
	void aNumberForAnInstalmentsDueDateIsRefusedWithTheFieldNamed() {
		long before = pledges();
		ObjectNode request = PledgeFixtures.pledge("1000", "USD");
		request.putArray("instalments").addObject().put("dueDate", 20000).put("amount", "1000");
		TestHttp.Response response = post("donorJapan", UUID.randomUUID().toString(), request.toString());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly("instalments[0].dueDate");
		assertThat(pledges()).isEqualTo(before);
	}

	@Test
	void onlyDonorsPledge() {
		TestHttp.Response officer = post("officerCpcjd", null, PledgeFixtures.pledge("1000", "USD").toString());
		assertThat(officer.status()).isEqualTo(403);
		assertThat(officer.contentType()).startsWith("application/problem+json");
		assertThat(post(null, null, PledgeFixtures.pledge("1000", "USD").toString()).status()).isEqualTo(401);
	}

	@Test
	void aDonorCanNeitherReadNorChangeNorInferAnotherMemberStatesPledge() {
		long norway = fixtures.create("donorNorway", PledgeFixtures.pledge("4321.00", "USD")).path("id").asLong();
		long missing = norway + 100000;
		for (String path : List.of("/api/pledges/" + norway, "/api/pledges/" + norway + "/history",
				"/api/pledges/" + norway + "/revisions")) {
			TestHttp.Response japan = api.get(path, "donorJapan");
			TestHttp.Response none = api.get(path.replace(String.valueOf(norway), String.valueOf(missing)), "donorJapan");
			assertThat(japan.status()).as(path).isEqualTo(404);
			// the same answer as for a pledge that does not exist, so its existence cannot be inferred
			assertThat(japan.json().path("detail").asText()).isEqualTo(none.json().path("detail").asText()
				.replace(String.valueOf(missing), String.valueOf(norway)));
		}
		assertThat(fixtures.step("PUT", "/api/pledges/" + norway + "/withdrawal", "donorJapan", "{}", 404)).isNotNull();
		assertThat(fixtures.step("DELETE", "/api/pledges/" + norway, "donorJapan", null, 404)).isNotNull();
		fixtures.step("POST", "/api/pledges/" + norway + "/payments", "donorJapan",
				"{\"amount\": \"1\", \"paidOn\": \"" + PledgeFixtures.today() + "\"}", 404);
		fixtures.step("POST", "/api/pledges/" + norway + "/revisions", "donorJapan",
				"{\"amount\": \"1\", \"reason\": \"x\"}", 404);
		fixtures.step("PUT", "/api/pledges/" + norway + "/announcement", "donorJapan", null, 404);
		// officers' steps are not for donors at all
		fixtures.step("PUT", "/api/pledges/" + norway + "/verification", "donorNorway", "{\"verified\": true}", 403);
		fixtures.step("PUT", "/api/pledges/" + norway + "/cancellation", "donorNorway", "{\"reason\": \"x\"}", 403);

		JsonNode japansList = fixtures.step("GET", "/api/pledges?size=200", "donorJapan", null, 200);
		assertThat(japansList.path("content").findValuesAsText("donor")).doesNotContain("NO");
		assertThat(fixtures.step("GET", "/api/pledges?programmeId=1&size=200", "donorJapan", null, 200).path("content")
			.findValuesAsText("donor")).doesNotContain("NO");
		JsonNode japansTotals = fixtures.step("GET", "/api/pledges/totals", "donorJapan", null, 200);
		assertThat(japansTotals.path("lines").findValuesAsText("amount")).doesNotContain("4321.00");
		// officers and coordinators see every Member State's
		assertThat(fixtures.step("GET", "/api/pledges/" + norway, "coordinatorOhchr", null, 200).path("donor").asText())
			.isEqualTo("NO");
	}

	@Test
	void idempotencyKeysAreEachDonorsOwnSoNoneLeaksAnotherDonorsPledge() {
		String key = UUID.randomUUID().toString();
		TestHttp.Response norway = post("donorNorway", key, PledgeFixtures.pledge("100", "USD").toString());
		TestHttp.Response japan = post("donorJapan", key, PledgeFixtures.pledge("200", "USD").toString());
		assertThat(norway.status()).isEqualTo(201);
		assertThat(japan.status()).as("not a conflict, which would tell Japan that the key was used").isEqualTo(201);
		assertThat(japan.json().path("id").asLong()).isNotEqualTo(norway.json().path("id").asLong());
	}

	@Test
	void donorsSeeNothingOfThePledgeProcessThroughTheEngine() {
		long id = fixtures.create("donorNorway", PledgeFixtures.pledge("100", "USD")).path("id").asLong();
		String key = DonorPledgeProcess.businessKey(id);
		for (String path : List.of("/engine-rest/task?processInstanceBusinessKey=" + key,
				"/engine-rest/process-instance?businessKey=" + key,
				"/engine-rest/history/process-instance?processInstanceBusinessKey=" + key,
				"/engine-rest/history/variable-instance?variableName=donor",
				"/engine-rest/variable-instance?variableName=pledgeId")) {
			for (String donor : List.of("donorJapan", "donorNorway")) {
				TestHttp.Response response = api.get(path, donor);
				assertThat(response.status()).as(donor + " " + path).isIn(200, 403);
				if (response.status() == 200) {
					assertThat(response.json()).as(donor + " " + path + ": " + response.body()).isEmpty();
				}
			}
		}
		// while the office's officers see the task
		assertThat(api.get("/engine-rest/task?processInstanceBusinessKey=" + key, "officerCpcjd").json()).hasSize(1);
	}

	@Test
	void aRevisionKeepsTheEarlierAmountAndItsRate() {
		fixtures.rate("EUR", "0.920000");
		JsonNode created = fixtures.create("donorNorway", PledgeFixtures.pledge("92000", "EUR"));
		long id = created.path("id").asLong();
		assertThat(created.path("amountUsd").decimalValue()).isEqualByComparingTo("100000.00");
		fixtures.step("POST", "/api/pledges/" + id + "/revisions", "donorNorway",
				"{\"amount\": \"46000\", \"reason\": \"Half this year\", \"version\": 1}", 201);
		JsonNode revisions = fixtures.step("GET", "/api/pledges/" + id + "/revisions", "donorNorway", null, 200);
		assertThat(revisions).hasSize(2);
		assertThat(revisions.get(0).path("amount").decimalValue()).isEqualByComparingTo("92000");
		assertThat(revisions.get(0).path("amountUsd").decimalValue()).isEqualByComparingTo("100000.00");
		assertThat(revisions.get(1).path("amount").decimalValue()).isEqualByComparingTo("46000");
		assertThat(revisions.get(1).path("reason").asText()).isEqualTo("Half this year");
		JsonNode now = fixtures.step("GET", "/api/pledges/" + id, "donorNorway", null, 200);
		assertThat(now.path("revision").asInt()).isEqualTo(2);
		assertThat(now.path("amountUsd").decimalValue()).isEqualByComparingTo("50000.00");
		// a stale version is refused, and so is none at all
		fixtures.step("POST", "/api/pledges/" + id + "/revisions", "donorNorway",
				"{\"amount\": \"40000\", \"reason\": \"again\", \"version\": 1}", 412);
		JsonNode unversioned = fixtures.step("POST", "/api/pledges/" + id + "/revisions", "donorNorway",
				"{\"amount\": \"40000\", \"reason\": \"again\"}", 400);
		assertThat(unversioned.path("errors").findValuesAsText("field")).containsExactly("version");
		assertThat(fixtures.step("GET", "/api/pledges/" + id, "donorNorway", null, 200).path("amount").decimalValue())
			.isEqualByComparingTo("46000");
		assertThat(fixtures.step("GET", "/api/pledges/" + id + "/history", "donorNorway", null, 200)
			.findValuesAsText("kind")).containsExactly("ANNOUNCED", "REVISED");
	}

	@Test
	void aDraftIsPrivateUntilAnnouncedAndThenStartsTheProcess() {
		ObjectNode request = PledgeFixtures.pledge("5000", "USD");
		request.put("draft", true);
		JsonNode draft = fixtures.create("donorNorway", request);
		assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
		assertThat(draft.has("announcedAt")).isFalse();
		long id = draft.path("id").asLong();
		JsonNode announced = fixtures.step("PUT", "/api/pledges/" + id + "/announcement", "donorNorway", null, 200);
		assertThat(announced.path("status").asText()).isEqualTo("PLEDGED");
		fixtures.step("PUT", "/api/pledges/" + id + "/announcement", "donorNorway", null, 409);
	}

	@Test
	void totalsInUsdAreSummedFromStoredAmountsExactToTheCent() {
		fixtures.rate("JPY", "151.250000");
		fixtures.rate("CHF", "0.880000");
		fixtures.rate("KWD", "0.307000");
		JsonNode before = fixtures.step("GET", "/api/pledges/totals", "donorJapan", null, 200);
		BigDecimal expected = BigDecimal.ZERO;
		for (String[] pledge : new String[][] { { "1000000", "JPY" }, { "333.33", "CHF" }, { "12.345", "KWD" },
				{ "0.01", "USD" } }) {
			JsonNode created = fixtures.create("donorJapan", PledgeFixtures.pledge(pledge[0], pledge[1]));
			expected = expected.add(created.path("amountUsd").decimalValue());
		}
		// 1,000,000 / 151.25 = 6611.57; 333.33 / 0.88 = 378.78 (378.784...); 12.345 / 0.307 = 40.21 (40.211...)
		assertThat(expected).isEqualByComparingTo("7030.57");
		JsonNode after = fixtures.step("GET", "/api/pledges/totals", "donorJapan", null, 200);
		assertThat(after.path("pledgedUsd").decimalValue().subtract(before.path("pledgedUsd").decimalValue()))
			.isEqualByComparingTo(expected);
		// a later rate never changes what was pledged
		fixtures.rate("JPY", "100.000000");
		JsonNode later = fixtures.step("GET", "/api/pledges/totals", "donorJapan", null, 200);
		assertThat(later.path("pledgedUsd").decimalValue()).isEqualByComparingTo(after.path("pledgedUsd").decimalValue());
	}

	@Test
	void aPledgeToAProgrammeNeedsOneOpenForFunding() {
		long draftProgramme = fixtures.programmes().create("officerOhchr",
				org.coopflow.programmes.ProgrammeFixtures.draft("Prison reform, not yet submitted"));
		TestHttp.Response refused = post("donorNorway", null,
				PledgeFixtures.toProgramme("100", "USD", draftProgramme).toString());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("programmeId");

		long open = fixtures.openProgramme("officerOhchr", "1000.00", "USD");
		JsonNode pledge = fixtures.create("donorNorway", PledgeFixtures.toProgramme("100", "USD", open));
		assertThat(pledge.path("office").asText()).as("handled by the programme's office").isEqualTo("OHCHR");
		assertThat(pledge.path("earmarkTarget").asText()).isEqualTo(String.valueOf(open));
		// CPCJD's officers cannot take OHCHR's steps
		fixtures.step("PUT", "/api/pledges/" + pledge.path("id").asLong() + "/verification", "officerCpcjd",
				"{\"verified\": true}", 403);
	}

	@Test
	void paymentsCannotExceedWhatIsStillOpen() {
		long id = fixtures.create("donorNorway", PledgeFixtures.pledge("1000", "USD")).path("id").asLong();
		fixtures.step("POST", "/api/pledges/" + id + "/payments", "donorNorway",
				"{\"amount\": \"10\", \"paidOn\": \"" + PledgeFixtures.today() + "\"}", 409);
		fixtures.verify(id);
		fixtures.agree(id);
		fixtures.pay(id, "donorNorway", "700");
		TestHttp.Response tooMuch = api.send("POST", "/api/pledges/" + id + "/payments", "donorNorway", "application/json",
				"{\"amount\": \"300.01\", \"paidOn\": \"" + PledgeFixtures.today() + "\"}");
		assertThat(tooMuch.status()).isEqualTo(400);
		assertThat(tooMuch.json().path("errors").findValuesAsText("reason").get(0)).contains("USD 300.00");
		fixtures.step("PUT", "/api/pledges/" + id + "/withdrawal", "donorNorway", "{}", 409);
	}

}
