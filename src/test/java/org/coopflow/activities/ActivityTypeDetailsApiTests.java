package org.coopflow.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The type-specific steps through the REST API, against the real database: each records what its
 * activity type needs, names every bad field at once and changes nothing then, refuses another type's
 * activity and a cancelled one (409), another office's officer (403), and hides the activity from a
 * donor whose pledges do not fund it (404).
 */
@CoopflowTest
class ActivityTypeDetailsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestHttp api;

	ActivityFixtures fixtures;

	@BeforeEach
	void setUp() {
		api = TestHttp.api(port);
		fixtures = new ActivityFixtures(api, jdbc);
	}

	private TestHttp.Response send(String method, String path, String user, String body) {
		return api.send(method, path, user, "application/json", body);
	}

	private static List<String> fields(TestHttp.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		List<String> fields = new ArrayList<>();
		response.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
		return fields;
	}

	private long count(String table, long activityId) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE activity_id = ?").param(activityId).query(Long.class).single();
	}

	// --- the translated edition of the Compendium -------------------------------------------------------

	@Test
	void recordsAndCorrectsTheTranslatedEdition() {
		long activity = fixtures.activityOfType("COMPENDIUM_TRANSLATION");
		String path = "/api/activities/" + activity + "/translated-edition";
		assertThat(api.get(path, "officerCpcjd").status()).as("nothing recorded yet").isEqualTo(404);

		JsonNode recorded = fixtures.step("PUT", path, "officerCpcjd", """
				{"language": "sw", "memberState": "KE", "title": "Mkusanyiko wa Viwango vya Umoja wa Mataifa",
				 "publishedOn": "2026-10-01", "link": "https://example.org/compendium-sw.pdf"}""", 200);
		assertThat(recorded.path("language").asText()).isEqualTo("sw");
		assertThat(recorded.path("memberState").asText()).isEqualTo("KE");
		assertThat(recorded.path("publishedOn").asText()).isEqualTo("2026-10-01");
		assertThat(recorded.path("recordedBy").asText()).isEqualTo("officerCpcjd");

		fixtures.step("PUT", path, "officerCpcjd", """
				{"language": "fr", "memberState": "CI", "title": "Recueil des règles et normes"}""", 200);
		JsonNode read = fixtures.step("GET", path, "coordinatorOhchr", null, 200);
		assertThat(read.path("language").asText()).isEqualTo("fr");
		assertThat(read.path("title").asText()).isEqualTo("Recueil des règles et normes");
		assertThat(read.has("publishedOn")).as("the correction replaced the whole edition").isFalse();
		assertThat(read.has("link")).isFalse();
		assertThat(count("compendium_edition", activity)).isEqualTo(1);
	}

	@Test
	void namesEveryBadFieldOfAnEditionAndRecordsNothing() {
		long activity = fixtures.activityOfType("COMPENDIUM_TRANSLATION");
		TestHttp.Response refused = send("PUT", "/api/activities/" + activity + "/translated-edition", "officerCpcjd",
				"""
						{"language": "xx", "memberState": "XX", "title": " ", "publishedOn": "%s",
						 "link": "ftp://example.org/compendium.pdf"}""".formatted(LocalDate.now().plusDays(2)));
		assertThat(fields(refused)).containsExactlyInAnyOrder("language", "memberState", "title", "publishedOn", "link");
		assertThat(count("compendium_edition", activity)).isZero();
	}

	@Test
	void theEditionIsOnlyForTranslationActivitiesThatAreNotCancelled() {
		long training = fixtures.activityOfType("TRAINING");
		String edition = """
				{"language": "sw", "memberState": "KE", "title": "Mkusanyiko"}""";
		TestHttp.Response wrongType = send("PUT", "/api/activities/" + training + "/translated-edition", "officerCpcjd",
				edition);
		assertThat(wrongType.status()).as(wrongType.body()).isEqualTo(409);
		assertThat(wrongType.json().path("detail").asText()).contains("TRAINING", "COMPENDIUM_TRANSLATION");
		assertThat(api.get("/api/activities/" + training + "/translated-edition", "officerCpcjd").status()).isEqualTo(409);

		long cancelled = fixtures.activityOfType("COMPENDIUM_TRANSLATION");
		fixtures.cancel(cancelled);
		assertThat(send("PUT", "/api/activities/" + cancelled + "/translated-edition", "officerCpcjd", edition).status())
			.isEqualTo(409);
		assertThat(count("compendium_edition", cancelled)).isZero();
	}

	@Test
	void onlyTheOwningOfficeRecordsAndOnlyFundingDonorsRead() {
		long activity = fixtures.activityOfType("COMPENDIUM_TRANSLATION");
		String path = "/api/activities/" + activity + "/translated-edition";
		String edition = """
				{"language": "sw", "memberState": "KE", "title": "Mkusanyiko"}""";
		assertThat(send("PUT", path, "officerOhchr", edition).status()).isEqualTo(403);
		assertThat(send("PUT", path, "coordinatorCpcjd", edition).status()).isEqualTo(403);
		assertThat(count("compendium_edition", activity)).isZero();
		fixtures.step("PUT", path, "officerCpcjd", edition, 200);

		assertThat(api.get(path, "donorJapan").status()).as("a donor not funding it").isEqualTo(404);
		fixtures.fundedBy("JP", fixtures.programmeOf(activity));
		assertThat(api.get(path, "donorJapan").status()).as("once Japan funds it").isEqualTo(200);
		assertThat(send("PUT", path, "donorJapan", edition).status()).as("donors never record").isEqualTo(403);
		assertThat(api.get(path, "donorNorway").status()).isEqualTo(404);
		assertThat(api.get(path, null).status()).isEqualTo(401);
	}

	// --- questionnaires ---------------------------------------------------------------------------------

	@Test
	void recordsQuestionnairesAndRepliesWithASummaryPerStandard() {
		long activity = fixtures.activityOfType("SURVEY_SUPPORT", "SMR-PRISONERS", "TOKYO-RULES");
		String requests = "/api/activities/" + activity + "/survey/requests";
		TestHttp.Response asked = send("POST", requests, "officerCpcjd", """
				[{"memberState": "KE", "standard": "SMR-PRISONERS", "askedOn": "2026-09-01"},
				 {"memberState": "UG", "standard": "SMR-PRISONERS", "askedOn": "2026-09-01"},
				 {"memberState": "NO", "standard": "TOKYO-RULES", "askedOn": "2026-09-15"}]""");
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		assertThat(asked.header("Location")).isEqualTo("/api/activities/" + activity + "/survey");
		assertThat(asked.json().path("requests")).hasSize(3);

		TestHttp.Response again = send("POST", requests, "officerCpcjd", """
				{"memberState": "KE", "standard": "SMR-PRISONERS", "askedOn": "2026-10-01"}""");
		assertThat(again.status()).as("asked before: nothing new").isEqualTo(200);
		TestHttp.Response one = send("POST", requests, "officerCpcjd", """
				{"memberState": "JP", "standard": "TOKYO-RULES"}""");
		assertThat(one.status()).as("one object, asked today").isEqualTo(201);

		JsonNode replied = fixtures.step("PUT", requests + "/KE/SMR-PRISONERS/reply", "officerCpcjd", """
				{"repliedOn": "2026-10-20", "summary": "Rules 1-5 applied in all prisons; no separate juvenile wings"}""", 200);
		JsonNode ke = find(replied.path("requests"), "KE", "SMR-PRISONERS");
		assertThat(ke.path("status").asText()).isEqualTo("REPLIED");
		assertThat(ke.path("askedOn").asText()).as("the first date stays").isEqualTo("2026-09-01");
		assertThat(ke.path("replyRecordedBy").asText()).isEqualTo("officerCpcjd");

		JsonNode survey = fixtures.step("GET", "/api/activities/" + activity + "/survey", "coordinatorCpcjd", null, 200);
		assertThat(survey.path("requests")).hasSize(4);
		JsonNode prisons = survey.path("standards").get(0);
		assertThat(prisons.path("standard").asText()).isEqualTo("SMR-PRISONERS");
		assertThat(prisons.path("asked").asInt()).isEqualTo(2);
		assertThat(prisons.path("replied").asInt()).isEqualTo(1);
		assertThat(prisons.path("outstanding").asInt()).isEqualTo(1);
		assertThat(prisons.path("outstandingMemberStates").toString()).isEqualTo("[\"UG\"]");
		assertThat(prisons.path("replies").get(0).path("summary").asText()).startsWith("Rules 1-5");
		JsonNode tokyo = survey.path("standards").get(1);
		assertThat(tokyo.path("standard").asText()).isEqualTo("TOKYO-RULES");
		assertThat(tokyo.path("outstanding").asInt()).isEqualTo(2);
		assertThat(tokyo.path("outstandingMemberStates").toString()).isEqualTo("[\"JP\",\"NO\"]");
	}

	@Test
	void theFocalPointAQuestionnaireWentToIsKeptForRemindersAndHiddenFromDonors() {
		long activity = fixtures.activityOfType("SURVEY_SUPPORT", "SMR-PRISONERS");
		String requests = "/api/activities/" + activity + "/survey/requests";
		fixtures.step("POST", requests, "officerCpcjd", """
				{"memberState": "UG", "standard": "SMR-PRISONERS", "contactEmail": " prisons@mia.go.ug "}""", 201);
		JsonNode corrected = fixtures.step("POST", requests, "officerCpcjd", """
				{"memberState": "UG", "standard": "SMR-PRISONERS", "contactEmail": "focal.point@mia.go.ug"}""", 200);
		assertThat(find(corrected.path("requests"), "UG", "SMR-PRISONERS").path("contactEmail").asText())
			.as("focal points change: the address sent again replaces the first").isEqualTo("focal.point@mia.go.ug");
		fixtures.step("POST", requests, "officerCpcjd", """
				{"memberState": "UG", "standard": "SMR-PRISONERS"}""", 200);
		JsonNode kept = fixtures.step("GET", "/api/activities/" + activity + "/survey", "coordinatorCpcjd", null, 200);
		assertThat(find(kept.path("requests"), "UG", "SMR-PRISONERS").path("contactEmail").asText())
			.as("asking again without an address keeps the one recorded").isEqualTo("focal.point@mia.go.ug");

		fixtures.fundedBy("NO", fixtures.programmeOf(activity));
		JsonNode donorView = fixtures.step("GET", "/api/activities/" + activity + "/survey", "donorNorway", null, 200);
		assertThat(find(donorView.path("requests"), "UG", "SMR-PRISONERS").path("contactEmail").isTextual()).isFalse();
		assertThat(donorView.toString()).doesNotContain("mia.go.ug");
	}

	private static JsonNode find(JsonNode requests, String memberState, String standard) {
		for (JsonNode request : requests) {
			if (request.path("memberState").asText().equals(memberState) && request.path("standard").asText().equals(standard)) {
				return request;
			}
		}
		throw new AssertionError(memberState + "/" + standard + " not in " + requests);
	}

	@Test
	void namesEveryBadQuestionnaireAndRecordsNoneOfThem() {
		long activity = fixtures.activityOfType("SURVEY_SUPPORT", "SMR-PRISONERS");
		TestHttp.Response refused = send("POST", "/api/activities/" + activity + "/survey/requests", "officerCpcjd", """
				[{"memberState": "KE", "standard": "SMR-PRISONERS", "askedOn": "2026-09-01"},
				 {"memberState": "XX", "standard": "TOKYO-RULES"},
				 {"memberState": "UG", "standard": "SMR-PRISONERS", "askedOn": "%s"},
				 {"memberState": "KE", "standard": "SMR-PRISONERS"},
				 {"memberState": "TZ", "standard": "SMR-PRISONERS", "contactEmail": "the ministry"}]"""
			.formatted(LocalDate.now().plusDays(3)));
		assertThat(fields(refused)).containsExactlyInAnyOrder("[1].memberState", "[1].standard", "[2].askedOn",
				"[3].memberState", "[4].contactEmail");
		assertThat(count("survey_request", activity)).isZero();

		TestHttp.Response notInCatalogue = send("POST", "/api/activities/" + fixtures.activityOfType("SURVEY_SUPPORT")
				+ "/survey/requests", "officerCpcjd", "{\"memberState\": \"KE\", \"standard\": \"NO-SUCH-RULES\"}");
		assertThat(fields(notInCatalogue)).containsExactly("standard");
		assertThat(notInCatalogue.json().path("errors").get(0).path("reason").asText()).contains("catalogue");
	}

	@Test
	void aReplyNeedsItsQuestionnaireAndAPlausibleDate() {
		long activity = fixtures.activityOfType("SURVEY_SUPPORT");
		fixtures.step("POST", "/api/activities/" + activity + "/survey/requests", "officerCpcjd",
				"{\"memberState\": \"KE\", \"standard\": \"VICTIMS-DECL\", \"askedOn\": \"2026-09-01\"}", 201);
		String reply = "/api/activities/" + activity + "/survey/requests/";
		assertThat(send("PUT", reply + "UG/VICTIMS-DECL/reply", "officerCpcjd", "{\"repliedOn\": \"2026-10-01\"}")
			.status()).as("UG was never asked").isEqualTo(404);
		assertThat(fields(send("PUT", reply + "KE/VICTIMS-DECL/reply", "officerCpcjd", "{\"repliedOn\": \"2026-08-01\"}")))
			.containsExactly("repliedOn");
		assertThat(fields(send("PUT", reply + "KE/VICTIMS-DECL/reply", "officerCpcjd", "{\"summary\": \"ok\"}")))
			.containsExactly("repliedOn");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_request WHERE activity_id = ? AND replied_on IS NOT NULL")
			.param(activity).query(Long.class).single()).isZero();
	}

	@Test
	void questionnairesAreOnlyForSurveysOfTheOwningOffice() {
		long training = fixtures.activityOfType("TRAINING");
		String request = "{\"memberState\": \"KE\", \"standard\": \"SMR-PRISONERS\"}";
		assertThat(send("POST", "/api/activities/" + training + "/survey/requests", "officerCpcjd", request).status())
			.isEqualTo(409);
		assertThat(api.get("/api/activities/" + training + "/survey", "officerCpcjd").status()).isEqualTo(409);

		long survey = fixtures.activityOfType("SURVEY_SUPPORT");
		assertThat(send("POST", "/api/activities/" + survey + "/survey/requests", "officerOhchr", request).status())
			.isEqualTo(403);
		assertThat(api.get("/api/activities/" + survey + "/survey", "donorNorway").status()).isEqualTo(404);
		assertThat(count("survey_request", survey)).isZero();

		fixtures.step("POST", "/api/activities/" + survey + "/survey/requests", "officerCpcjd", request, 201);
		fixtures.cancel(survey);
		assertThat(send("PUT", "/api/activities/" + survey + "/survey/requests/KE/SMR-PRISONERS/reply", "officerCpcjd",
				"{\"repliedOn\": \"" + LocalDate.now() + "\"}").status()).isEqualTo(409);
		assertThat(api.get("/api/activities/" + survey + "/survey", "officerCpcjd").status())
			.as("what a cancelled survey recorded stays readable").isEqualTo(200);
	}

	// --- expert meetings --------------------------------------------------------------------------------

	@Test
	void recordsParticipantsAndFundingOfAnExpertMeeting() {
		long activity = fixtures.activityOfType("EXPERT_MEETING", "SMR-PRISONERS");
		String meeting = "/api/activities/" + activity + "/meeting";
		TestHttp.Response added = send("POST", meeting + "/participants", "officerCpcjd", """
				[{"name": "Wanjiru Kamau", "country": "KE", "affiliation": "University of Nairobi", "personalCapacity": true},
				 {"name": "Ola Nordmann", "country": "NO", "affiliation": "Norwegian Correctional Service", "personalCapacity": true}]""");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		fixtures.step("POST", meeting + "/participants", "officerCpcjd", """
				{"name": "Tanaka Yui", "country": "JP", "affiliation": "Ministry of Justice research institute", "personalCapacity": true}""",
				201);
		JsonNode funded = fixtures.step("PUT", meeting + "/funding", "officerCpcjd",
				"{\"amount\": \"45000.50\", \"currency\": \"EUR\", \"source\": \"Voluntary contribution of Austria\"}", 200);
		assertThat(funded.path("funding").path("amount").decimalValue()).isEqualByComparingTo("45000.50");
		fixtures.step("PUT", meeting + "/funding", "officerCpcjd",
				"{\"amount\": \"12.345\", \"currency\": \"BHD\", \"source\": \"Trust fund\"}", 200);

		fixtures.fundedBy("NO", fixtures.programmeOf(activity));
		JsonNode read = fixtures.step("GET", meeting, "donorNorway", null, 200);
		assertThat(read.path("participants")).hasSize(3);
		assertThat(read.path("participants").get(0).path("name").asText()).isEqualTo("Wanjiru Kamau");
		assertThat(read.path("participants").get(0).path("personalCapacity").asBoolean()).isTrue();
		assertThat(read.path("funding").path("currency").asText()).isEqualTo("BHD");
		assertThat(read.path("funding").path("amount").decimalValue()).as("three decimals kept").isEqualByComparingTo("12.345");
		assertThat(read.has("report")).isFalse();
	}

	@Test
	void refusesARepresentativeOfAGovernmentAndEveryOtherBadField() {
		long activity = fixtures.activityOfType("EXPERT_MEETING");
		String participants = "/api/activities/" + activity + "/meeting/participants";
		TestHttp.Response representative = send("POST", participants, "officerCpcjd", """
				{"name": "Delegate of a Government", "country": "KE", "affiliation": "Permanent Mission", "personalCapacity": false}""");
		assertThat(fields(representative)).containsExactly("personalCapacity");
		assertThat(representative.json().path("errors").get(0).path("reason").asText()).contains("personal capacity");
		assertThat(fields(send("POST", participants, "officerCpcjd", """
				[{"name": "A", "country": "KE", "affiliation": "X", "personalCapacity": true},
				 {"name": "", "country": "ZZ", "affiliation": ""},
				 {"name": "a ", "country": "KE", "affiliation": "Y", "personalCapacity": true}]""")))
			.containsExactlyInAnyOrder("[1].name", "[1].country", "[1].affiliation", "[1].personalCapacity", "[2].name");
		assertThat(count("meeting_participant", activity)).isZero();

		String funding = "/api/activities/" + activity + "/meeting/funding";
		assertThat(fields(send("PUT", funding, "officerCpcjd", "{\"amount\": \"100.001\", \"currency\": \"USD\", \"source\": \" \"}")))
			.containsExactlyInAnyOrder("amount", "source");
		assertThat(fields(send("PUT", funding, "officerCpcjd", "{\"amount\": \"-5\", \"currency\": \"QQQ\", \"source\": \"x\"}")))
			.containsExactlyInAnyOrder("amount", "currency");
		assertThat(fields(send("PUT", funding, "officerCpcjd", "{\"amount\": \"5\", \"currency\": \"XAU\", \"source\": \"gold\"}")))
			.containsExactly("currency");
		assertThat(count("meeting_funding", activity)).isZero();
	}

	@Test
	void meetingsAreOnlyForExpertMeetingsOfTheOwningOffice() {
		long survey = fixtures.activityOfType("SURVEY_SUPPORT");
		String participant = """
				{"name": "Wanjiru Kamau", "country": "KE", "affiliation": "University of Nairobi", "personalCapacity": true}""";
		assertThat(send("POST", "/api/activities/" + survey + "/meeting/participants", "officerCpcjd", participant).status())
			.isEqualTo(409);
		assertThat(send("PUT", "/api/activities/" + survey + "/meeting/funding", "officerCpcjd",
				"{\"amount\": \"100\", \"currency\": \"USD\", \"source\": \"x\"}").status()).isEqualTo(409);
		assertThat(api.get("/api/activities/" + survey + "/meeting", "officerCpcjd").status()).isEqualTo(409);

		long meeting = fixtures.activityOfType("EXPERT_MEETING");
		assertThat(send("POST", "/api/activities/" + meeting + "/meeting/participants", "officerOhchr", participant).status())
			.isEqualTo(403);
		assertThat(api.get("/api/activities/" + meeting + "/meeting", "donorJapan").status()).isEqualTo(404);
		fixtures.cancel(meeting);
		assertThat(send("POST", "/api/activities/" + meeting + "/meeting/participants", "officerCpcjd", participant).status())
			.isEqualTo(409);
		assertThat(count("meeting_participant", meeting)).isZero();
	}

	@Test
	void aBodyOfTheWrongShapeIsAFieldError() {
		long activity = fixtures.activityOfType("SURVEY_SUPPORT");
		assertThat(fields(send("POST", "/api/activities/" + activity + "/survey/requests", "officerCpcjd",
				"[{\"memberState\": \"KE\", \"standard\": \"SMR-PRISONERS\", \"askedBy\": \"me\"}]")))
			.containsExactly("[0].askedBy");
		assertThat(fields(send("POST", "/api/activities/" + activity + "/survey/requests", "officerCpcjd",
				"[{\"memberState\": \"KE\", \"standard\": \"SMR-PRISONERS\"}, {\"memberState\": \"UG\", "
						+ "\"standard\": \"SMR-PRISONERS\", \"askedOn\": \"someday\"}]")))
			.containsExactly("[1].askedOn");
		assertThat(fields(send("POST", "/api/activities/" + activity + "/survey/requests", "officerCpcjd", "\"KE\"")))
			.containsExactly("body");
		assertThat(fields(send("POST", "/api/activities/" + activity + "/survey/requests", "officerCpcjd", "[]")))
			.containsExactly("memberState");
	}

}
