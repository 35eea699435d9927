package org.coopflow.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The activity API's rules against the real database: the programmes' role rules, every problem of a
 * draft named at once with nothing stored, and spending that never passes the funds received without
 * an officer's recorded override, also when officers spend at the same moment or retry.
 */
@CoopflowTest
class ActivityApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestHttp api;

	ImplementationFixtures fixtures;

	@BeforeEach
	void setUp() {
		api = TestHttp.api(port);
		fixtures = new ImplementationFixtures(api);
	}

	private TestHttp.Response send(String method, String path, String user, Object body) {
		return api.send(method, path, user, "application/json", body == null ? null : body.toString());
	}

	private long count(String table, long programmeId) {
		String column = table.equals("activity") || table.equals("activity_expenditure") ? "programme_id" : "activity_id";
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?").param(programmeId).query(Long.class).single();
	}

	@Test
	void theOwningOfficePlansActivitiesAndTheFundingDonorReadsThem() {
		long programmeId = fixtures.fundedProgramme("100000.00", "donorNorway", "40000");
		ObjectNode draft = ImplementationFixtures.activity("TRAINING", "Training of prison staff in Nairobi");
		var milestones = draft.putArray("milestones");
		milestones.addObject().put("title", "Curriculum agreed").put("due", org.coopflow.pledges.PledgeFixtures.today().plusDays(20).toString());
		milestones.addObject().put("title", "Trainers trained").put("due", org.coopflow.pledges.PledgeFixtures.today().plusDays(50).toString());
		JsonNode created = fixtures.plan(programmeId, draft);
		long id = created.path("id").asLong();
		assertThat(created.path("status").asText()).isEqualTo("PLANNED");
		assertThat(created.path("office").asText()).isEqualTo("CPCJD");
		assertThat(created.path("currency").asText()).isEqualTo("USD");
		assertThat(created.path("milestones")).hasSize(2);
		assertThat(created.path("milestones").get(0).path("title").asText()).isEqualTo("Curriculum agreed");
		assertThat(created.path("standards").get(0).asText()).isEqualTo("SMR-PRISONERS");

		assertThat(send("GET", "/api/programmes/" + programmeId + "/activities", "coordinatorOhchr", null).json())
			.hasSize(1);
		assertThat(send("GET", "/api/activities/" + id, "donorNorway", null).status()).as("the funding donor").isEqualTo(200);
		TestHttp.Response stranger = send("GET", "/api/activities/" + id, "donorJapan", null);
		assertThat(stranger.status()).as("a donor not funding it: as if missing").isEqualTo(404);
		assertThat(stranger.json().path("detail").asText()).isEqualTo("Activity " + id + " does not exist.");
		assertThat(send("GET", "/api/programmes/" + programmeId + "/activities", "donorJapan", null).status()).isEqualTo(404);

		assertThat(send("POST", "/api/programmes/" + programmeId + "/activities", "officerOhchr", draft).status())
			.as("another office's officer").isEqualTo(403);
		assertThat(send("POST", "/api/programmes/" + programmeId + "/activities", "coordinatorCpcjd", draft).status())
			.as("coordinators read").isEqualTo(403);
		assertThat(send("POST", "/api/programmes/" + programmeId + "/activities", "donorNorway", draft).status())
			.isEqualTo(403);
		assertThat(count("activity", programmeId)).isEqualTo(1);
	}

	@Test
	void everyProblemOfADraftIsNamedAndNothingIsStored() {
		long programmeId = fixtures.fundedProgramme("50000.00", "donorNorway", "0");
		ObjectNode draft = ImplementationFixtures.activity("TRAINING", " ");
		draft.put("country", "FR");
		draft.putArray("standards").add("BP-LAWYERS");
		draft.put("plannedEnd", org.coopflow.pledges.PledgeFixtures.today().minusDays(1).toString());
		draft.put("plannedCost", "10.001");
		draft.putArray("milestones").addObject().put("title", "Too early")
			.put("due", org.coopflow.pledges.PledgeFixtures.today().minusDays(5).toString());
		TestHttp.Response refused = send("POST", "/api/programmes/" + programmeId + "/activities", "officerCpcjd", draft);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().findValuesAsText("field")).contains("title", "country", "standards[0]", "plannedEnd",
				"plannedCost", "milestones[0].due");
		assertThat(count("activity", programmeId)).isZero();

		long open = fixtures.openProgramme("1000.00", "USD");
		TestHttp.Response notFunded = send("POST", "/api/programmes/" + open + "/activities", "officerCpcjd",
				ImplementationFixtures.activity("TRAINING", "Too soon"));
		assertThat(notFunded.status()).isEqualTo(409);
		assertThat(notFunded.json().path("detail").asText()).contains("OPEN_FOR_FUNDING");
	}

	@Test
	void aPlannedActivityIsChangedWithItsVersionAndCancelledWithAReason() {
		long programmeId = fixtures.fundedProgramme("20000.00", "donorNorway", "0");
		JsonNode created = fixtures.plan(programmeId, ImplementationFixtures.activity("ADVISORY_SERVICES", "Advice on bail"));
		long id = created.path("id").asLong();
		ObjectNode change = ImplementationFixtures.activity("ADVISORY_SERVICES", "Advice on pre-trial detention");
		assertThat(send("PUT", "/api/activities/" + id, "officerCpcjd", change).status()).as("no version").isEqualTo(400);
		change.put("version", 7);
		assertThat(send("PUT", "/api/activities/" + id, "officerCpcjd", change).status()).isEqualTo(412);
		change.put("version", created.path("version").asInt());
		JsonNode changed = send("PUT", "/api/activities/" + id, "officerCpcjd", change).json();
		assertThat(changed.path("title").asText()).isEqualTo("Advice on pre-trial detention");
		assertThat(changed.path("version").asInt()).isEqualTo(created.path("version").asInt() + 1);

		assertThat(send("PUT", "/api/activities/" + id + "/cancellation", "officerCpcjd", "{\"reason\": \"\"}").status())
			.isEqualTo(400);
		JsonNode cancelled = send("PUT", "/api/activities/" + id + "/cancellation", "officerCpcjd",
				"{\"reason\": \"The ministry postponed the reform\"}").json();
		assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("cancelReason").asText()).isEqualTo("The ministry postponed the reform");
		assertThat(send("PUT", "/api/activities/" + id + "/cancellation", "officerCpcjd", "{\"reason\": \"again\"}").status())
			.isEqualTo(409);
		change.put("version", cancelled.path("version").asInt());
		assertThat(send("PUT", "/api/activities/" + id, "officerCpcjd", change).status()).isEqualTo(409);
	}

	@Test
	void documentsNeedALanguageAndALink() {
		long programmeId = fixtures.fundedProgramme("20000.00", "donorNorway", "0");
		long id = fixtures.plan(programmeId, ImplementationFixtures.activity("COMPENDIUM_TRANSLATION", "Compendium in Swahili"))
			.path("id")
			.asLong();
		TestHttp.Response refused = send("POST", "/api/activities/" + id + "/documents", "officerCpcjd",
				"{\"title\": \"Compendium\", \"language\": \"xx\", \"link\": \"ftp://example.org/c.pdf\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().findValuesAsText("field")).containsExactlyInAnyOrder("language", "link");
		JsonNode added = send("POST", "/api/activities/" + id + "/documents", "officerCpcjd",
				"{\"title\": \"Compendium (Kiswahili)\", \"language\": \"sw\", \"link\": \"https://example.org/compendium-sw.pdf\"}")
			.json();
		assertThat(added.path("documents")).hasSize(1);
		assertThat(added.path("documents").get(0).path("language").asText()).isEqualTo("sw");
		assertThat(added.path("documents").get(0).path("addedBy").asText()).isEqualTo("officerCpcjd");
	}

	@Test
	void spendingBeyondTheFundsReceivedNeedsAnOfficersReason() {
		long programmeId = fixtures.fundedProgramme("100000.00", "donorNorway", "40000");
		long id = fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Training of judges")).path("id").asLong();
		String path = "/api/activities/" + id + "/expenditures";
		assertThat(send("POST", path, "officerCpcjd", ImplementationFixtures.expenditure("30000.00")).status()).isEqualTo(201);

		TestHttp.Response beyond = send("POST", path, "officerCpcjd", ImplementationFixtures.expenditure("20000.00"));
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(beyond.json().findValuesAsText("field")).containsExactly("amount");
		assertThat(beyond.json().toString()).contains("50000.00").contains("40000.00 received").contains("overrideReason");
		assertThat(count("activity_expenditure", programmeId)).isEqualTo(1);

		ObjectNode bad = ImplementationFixtures.expenditure("-5");
		bad.put("currency", "EUR");
		bad.put("spentOn", org.coopflow.pledges.PledgeFixtures.today().plusDays(3).toString());
		TestHttp.Response invalid = send("POST", path, "officerCpcjd", bad);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().findValuesAsText("field")).contains("amount", "currency", "spentOn");

		ObjectNode override = ImplementationFixtures.expenditure("20000.00");
		override.put("overrideReason", "The second instalment is confirmed by the donor's ministry; the venue cannot wait");
		assertThat(send("POST", path, "donorNorway", override).status()).isEqualTo(403);
		JsonNode overridden = send("POST", path, "officerCpcjd", override).json();
		assertThat(overridden.path("overrideReason").asText()).contains("venue cannot wait");
		assertThat(overridden.path("receivedBefore").decimalValue()).isEqualByComparingTo("40000");
		assertThat(overridden.path("recordedBy").asText()).isEqualTo("officerCpcjd");

		assertThat(send("GET", path, "donorNorway", null).json()).hasSize(2);
		assertThat(send("GET", "/api/activities/" + id, "officerCpcjd", null).json().path("spent").decimalValue())
			.isEqualByComparingTo("50000");
		// a reason sent without need is not recorded as an override
		long second = fixtures.fundedProgramme("10000.00", "donorNorway", "10000");
		long other = fixtures.plan(second, ImplementationFixtures.activity("TRAINING", "Other")).path("id").asLong();
		ObjectNode within = ImplementationFixtures.expenditure("100.00");
		within.put("overrideReason", "just in case");
		assertThat(send("POST", "/api/activities/" + other + "/expenditures", "officerCpcjd", within).json()
			.hasNonNull("overrideReason")).isFalse();
	}

	@Test
	void theSchemaRefusesNegativeMoneyWrittenPastTheService() {
		long programmeId = fixtures.fundedProgramme("10000.00", "donorNorway", "10000");
		long id = fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Training")).path("id").asLong();
		for (String amount : new String[] { "-1.00", "0.00" }) {
			assertThatThrownBy(() -> jdbc.sql("""
					INSERT INTO activity_expenditure (activity_id, programme_id, amount, spent_on, description,
					received_before, recorded_by, recorded_at) VALUES (?, ?, ?, ?, 'by hand', 0, 'console', ?)""")
				.params(id, programmeId, new java.math.BigDecimal(amount), java.sql.Date.valueOf("2027-01-01"),
						java.sql.Timestamp.from(java.time.Instant.now()))
				.update()).as(amount).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		}
		assertThatThrownBy(() -> jdbc.sql("UPDATE implementation SET unspent_amount = -5 WHERE programme_id = ?")
			.param(programmeId).update()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		assertThat(count("activity_expenditure", programmeId)).isZero();
	}

	@Test
	void aRetriedExpenditureIsRecordedOnce() {
		long programmeId = fixtures.fundedProgramme("10000.00", "donorNorway", "10000");
		long id = fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Retried")).path("id").asLong();
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		String body = ImplementationFixtures.expenditure("2500.00").toString();
		TestHttp.Response first = api.sendWithHeaders("POST", "/api/activities/" + id + "/expenditures", "officerCpcjd", key,
				"application/json", body);
		TestHttp.Response retry = api.sendWithHeaders("POST", "/api/activities/" + id + "/expenditures", "officerCpcjd", key,
				"application/json", body);
		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
		TestHttp.Response reused = api.sendWithHeaders("POST", "/api/activities/" + id + "/expenditures", "officerCpcjd", key,
				"application/json", ImplementationFixtures.expenditure("99.00").toString());
		assertThat(reused.status()).isEqualTo(409);
		assertThat(count("activity_expenditure", programmeId)).isEqualTo(1);
	}

	@Test
	void officersSpendingAtTheSameMomentNeverPassTheFundsReceived() throws Exception {
		long programmeId = fixtures.fundedProgramme("100000.00", "donorNorway", "40000");
		long id = fixtures.plan(programmeId, ImplementationFixtures.activity("TRAINING", "Busy week")).path("id").asLong();
		int requests = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(requests);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				statuses.add(pool.submit(() -> {
					start.await();
					return send("POST", "/api/activities/" + id + "/expenditures", "officerCpcjd",
							ImplementationFixtures.expenditure("10000.00")).status();
				}));
			}
			start.countDown();
			List<Integer> outcomes = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				outcomes.add(status.get());
			}
			assertThat(outcomes).filteredOn(s -> s == 201).hasSize(4);
			assertThat(outcomes).filteredOn(s -> s == 400).hasSize(4);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT SUM(amount) FROM activity_expenditure WHERE programme_id = ?").param(programmeId)
			.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("40000");
	}

}
