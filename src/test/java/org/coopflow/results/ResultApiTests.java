package org.coopflow.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The results framework through the API: what officers enter, when it freezes, and who may touch it. */
@CoopflowTest
class ResultApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestHttp http;

	ResultFixtures results;

	@BeforeEach
	void setUp() {
		http = TestHttp.api(port);
		results = new ResultFixtures(http);
	}

	private void status(long programmeId, String status) {
		jdbc.sql("UPDATE programme SET status = ? WHERE id = ?").params(status, programmeId).update();
	}

	private static LocalDate today() {
		return PledgeFixtures.today();
	}

	@Test
	void aDraftsResultsChangeFreelyAndFromApprovalATargetChangesOnlyAsARevisionWithAReason() {
		long programmeId = results.draftProgramme();
		JsonNode indicator = results.resultWithIndicator(programmeId, "officerCpcjd", null,
				ResultFixtures.indicator("Judges trained", today().minusMonths(6), today().minusDays(1), today(),
						today().plusMonths(6)));
		assertThat(indicator.path("measure").asText()).isEqualTo("UNIT");
		assertThat(indicator.path("baseline").path("value").decimalValue()).isEqualByComparingTo("10");
		assertThat(indicator.path("periods").findValuesAsText("assessment")).containsExactly("MISSING", "NOT_DUE");
		String target = ResultFixtures.period(programmeId, indicator, 1) + "/target";
		results.api().step("PUT", target, "officerCpcjd", "{\"value\": 30}", 200);

		status(programmeId, "OPEN_FOR_FUNDING");
		TestHttp.Response refused = http.send("PUT", target, "officerCpcjd", "application/json", "{\"value\": 35}");
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("reason");
		JsonNode revised = results.api().step("PUT", target, "officerCpcjd",
				"{\"value\": 35, \"reason\": \"The ministry doubled the training budget\"}", 200);
		assertThat(revised.path("periods").get(1).path("targetValue").decimalValue()).isEqualByComparingTo("35");
		JsonNode revisions = results.api().step("GET", "/api/programmes/" + programmeId + "/results/revisions",
				"officerCpcjd", null, 200);
		assertThat(revisions).hasSize(1);
		assertThat(revisions.get(0).path("what").asText()).isEqualTo("target");
		assertThat(revisions.get(0).path("oldValue").asText()).isEqualTo("30");
		assertThat(revisions.get(0).path("newValue").asText()).isEqualTo("35");
		assertThat(revisions.get(0).path("reason").asText()).isEqualTo("The ministry doubled the training budget");
		assertThat(revisions.get(0).path("revisedBy").asText()).isEqualTo("officerCpcjd");
		results.api().step("POST", "/api/programmes/" + programmeId + "/results", "officerCpcjd",
				"{\"type\": \"OUTPUT\", \"title\": \"Bench book\"}", 400);

		status(programmeId, "CLOSED");
		results.api().step("PUT", target, "officerCpcjd", "{\"value\": 40, \"reason\": \"late\"}", 409);
		results.api().step("PUT", ResultFixtures.period(programmeId, indicator, 0) + "/actual", "officerCpcjd",
				"{\"value\": 18, \"comment\": \"late\"}", 409);
	}

	@Test
	void anActualComesWithACommentOrAReasonWhyItIsMissingAndIsJudgedAgainstItsTarget() {
		long programmeId = results.draftProgramme();
		status(programmeId, "FUNDED");
		JsonNode indicator = results.resultWithIndicator(programmeId, "officerCpcjd", "Agreed with the donors in the inception report",
				ResultFixtures.indicator("Judges trained", today().minusMonths(6), today().minusMonths(3),
						today().minusMonths(3).plusDays(1), today().minusDays(1), today(), today().plusMonths(3)));
		String first = ResultFixtures.period(programmeId, indicator, 0) + "/actual";
		TestHttp.Response refused = http.send("PUT", first, "officerCpcjd", "application/json", "{\"value\": 19}");
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("comment");
		refused = http.send("PUT", first, "officerCpcjd", "application/json",
				"{\"value\": 19, \"comment\": \"lists\", \"missingReason\": \"no lists\"}");
		assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("missingReason");
		refused = http.send("PUT", ResultFixtures.period(programmeId, indicator, 2) + "/actual", "officerCpcjd",
				"application/json", "{\"value\": 1, \"comment\": \"too early\"}");
		assertThat(refused.json().path("errors").findValuesAsText("field")).as(refused.body()).isEmpty();
		assertThat(refused.status()).as("the current period has begun").isEqualTo(200);

		// baseline 10, target 20: off track below 19 (a tenth of the distance short), on track from 19
		results.actual(programmeId, indicator, 0, "19", "Attendance lists of the judicial academy");
		JsonNode after = results.api().step("PUT", ResultFixtures.period(programmeId, indicator, 1) + "/actual",
				"officerCpcjd", "{\"value\": 30, \"comment\": \"Attendance lists\"}", 200);
		assertThat(after.path("periods").findValuesAsText("assessment")).containsExactly("ON_TRACK", "OFF_TRACK", "NOT_DUE");
		after = results.api().step("PUT", ResultFixtures.period(programmeId, indicator, 1) + "/actual", "officerCpcjd",
				"{\"missingReason\": \"The academy was closed by floods\"}", 200);
		assertThat(after.path("periods").get(1).path("assessment").asText()).isEqualTo("NOT_MEASURED");
		assertThat(after.path("periods").get(1).path("actualValue").isNumber()).as("the earlier actual is gone").isFalse();
		assertThat(after.path("periods").get(1).path("actualBy").asText()).isEqualTo("officerCpcjd");
	}

	@Test
	void aChangeSentWithTheIndicatorsETagIsRefusedWith412OnceSomeoneElseChangedIt() {
		long programmeId = results.draftProgramme();
		JsonNode indicator = results.resultWithIndicator(programmeId, "officerCpcjd", null,
				ResultFixtures.indicator("Judges trained", today().plusMonths(1), today().plusMonths(6)));
		String path = "/api/programmes/" + programmeId + "/results/" + indicator.path("resultId").asLong() + "/indicators/"
				+ indicator.path("id").asLong();
		TestHttp.Response read = http.send("GET", path, "officerCpcjd", "application/json", null);
		assertThat(read.header("ETag")).isEqualTo("\"1\"");
		String target = ResultFixtures.period(programmeId, indicator, 0) + "/target";
		TestHttp.Response first = http.sendWithHeaders("PUT", target, "officerCpcjd", java.util.Map.of("If-Match", "\"1\""),
				"application/json", "{\"value\": 25}");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.header("ETag")).isEqualTo("\"2\"");
		TestHttp.Response second = http.sendWithHeaders("PUT", target, "officerCpcjd", java.util.Map.of("If-Match", "\"1\""),
				"application/json", "{\"value\": 30}");
		assertThat(second.status()).as(second.body()).isEqualTo(412);
		assertThat(results.api().step("GET", "/api/programmes/" + programmeId + "/results/" + indicator.path("resultId").asLong(),
				"officerCpcjd", null, 200).path("indicators").get(0).path("periods").get(0).path("targetValue").decimalValue())
			.isEqualByComparingTo("25");
	}

	@Test
	void badValuesAreRefusedNamingEachField() {
		long programmeId = results.draftProgramme();
		JsonNode unknown = results.api().step("POST", "/api/programmes/" + programmeId + "/results", "officerCpcjd",
				"{\"type\": \"OUTPUT\", \"title\": \" \", \"standards\": [\"NOPE\"]}", 400);
		assertThat(unknown.path("errors").findValuesAsText("field")).containsExactly("title", "standards[0]");
		long id = results.api().step("POST", "/api/programmes/" + programmeId + "/results", "officerCpcjd",
				"{\"type\": \"OUTPUT\", \"title\": \"Bench book\"}", 201).path("id").asLong();
		TestHttp.Response refused = http.send("POST", "/api/programmes/" + programmeId + "/results/" + id + "/indicators",
				"officerCpcjd", "application/json", """
						{"title": "Share of courts using the bench book", "measure": "PERCENTAGE",
						 "baseline": {"value": 5},
						 "periods": [{"start": "2027-01-01", "end": "2027-06-30", "target": 120},
						             {"start": "2027-06-01", "end": "2027-12-31", "target": 50, "targetText": "half"}]}""");
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("baseline.year",
				"periods[0].target", "periods[1].targetText", "periods");
		refused = http.send("POST", "/api/programmes/" + programmeId + "/results/" + id + "/indicators", "officerCpcjd",
				"application/json", """
						{"title": "How judges see the bench book", "measure": "QUALITATIVE",
						 "periods": [{"start": "2027-01-01", "end": "2027-06-30", "target": 3}]}""");
		assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("periods[0].target",
				"periods[0].targetText");
		JsonNode qualitative = results.api().step("POST", "/api/programmes/" + programmeId + "/results/" + id + "/indicators",
				"officerCpcjd", """
						{"title": "How judges see the bench book", "measure": "QUALITATIVE",
						 "periods": [{"start": "2027-01-01", "end": "2027-06-30", "targetText": "Judges cite it"}]}""", 201);
		assertThat(qualitative.path("periods").get(0).path("targetText").asText()).isEqualTo("Judges cite it");
	}

	@Test
	void onlyTheOwningOfficesOfficersChangeResultsAndDonorsReadOnlyWhatTheyMaySee() {
		long programmeId = results.draftProgramme();
		results.api().step("POST", "/api/programmes/" + programmeId + "/results", "officerOhchr",
				"{\"type\": \"OUTPUT\", \"title\": \"Bench book\"}", 403);
		results.api().step("POST", "/api/programmes/" + programmeId + "/results", "donorNorway",
				"{\"type\": \"OUTPUT\", \"title\": \"Bench book\"}", 404);
		results.api().step("GET", "/api/programmes/" + programmeId + "/results", "donorNorway", null, 404);
		results.api().step("GET", "/api/programmes/" + programmeId + "/results", "officerOhchr", null, 200);
		status(programmeId, "OPEN_FOR_FUNDING");
		results.api().step("GET", "/api/programmes/" + programmeId + "/results", "donorNorway", null, 200);
		results.api().step("GET", "/api/programmes/" + programmeId + "/results/revisions", "donorNorway", null, 403);
		results.api().step("GET", "/api/programmes/999999/results", "officerCpcjd", null, 404);
	}

}
