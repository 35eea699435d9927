package org.coopflow.results;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.coopflow.pledges.PledgeFixtures;

/**
 * Results of test programmes, entered through the API as an officer of the owning office enters them:
 * one result with one numeric indicator (ascending, baseline 10) and its reporting periods.
 */
public final class ResultFixtures {

	private final PledgeFixtures api;

	public ResultFixtures(TestHttp http) {
		this.api = new PledgeFixtures(http);
	}

	public PledgeFixtures api() {
		return api;
	}

	/** A DRAFT programme of CPCJD. */
	public long draftProgramme() {
		ObjectNode draft = PledgeFixtures.JSON.createObjectNode();
		draft.put("title", "Fair trials " + UUID.randomUUID());
		draft.put("description", "Training of judges on the Basic Principles on the Independence of the Judiciary");
		draft.putArray("countries").add("KE");
		draft.putArray("standards").add("BP-JUDICIARY");
		draft.putArray("activityTypes").add("TRAINING");
		draft.putArray("sectors").add("15130");
		TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", "50000.00").put("currency", "USD");
		return api.step("POST", "/api/programmes", "officerCpcjd", draft.toString(), 201).path("id").asLong();
	}

	public static ObjectNode indicator(String title, LocalDate... periodBounds) {
		ObjectNode indicator = PledgeFixtures.JSON.createObjectNode();
		indicator.put("title", title);
		indicator.put("measure", "UNIT");
		indicator.put("ascending", true);
		indicator.putObject("baseline").put("year", 2026).put("value", "10").put("comment", "Judges trained in 2026");
		var periods = indicator.putArray("periods");
		for (int i = 0; i + 1 < periodBounds.length; i += 2) {
			periods.addObject()
				.put("start", periodBounds[i].toString())
				.put("end", periodBounds[i + 1].toString())
				.put("target", String.valueOf(20 * (i / 2 + 1)));
		}
		return indicator;
	}

	/** A result of the programme with one indicator; what the API answered for the indicator. */
	public JsonNode resultWithIndicator(long programmeId, String officer, String reason, ObjectNode indicator) {
		ObjectNode result = PledgeFixtures.JSON.createObjectNode()
			.put("type", "OUTCOME")
			.put("title", "Judges decide independently")
			.put("reason", reason);
		result.putArray("standards").add("BP-JUDICIARY");
		long resultId = api.step("POST", "/api/programmes/" + programmeId + "/results", officer, result.toString(), 201)
			.path("id")
			.asLong();
		indicator.put("reason", reason);
		return api.step("POST", "/api/programmes/" + programmeId + "/results/" + resultId + "/indicators", officer,
				indicator.toString(), 201);
	}

	/** The path of the indicator's period. */
	public static String period(long programmeId, JsonNode indicator, int index) {
		return "/api/programmes/" + programmeId + "/results/" + indicator.path("resultId").asLong() + "/indicators/"
				+ indicator.path("id").asLong() + "/periods/" + indicator.path("periods").get(index).path("id").asLong();
	}

	public JsonNode actual(long programmeId, JsonNode indicator, int index, String value, String comment) {
		return api.step("PUT", period(programmeId, indicator, index) + "/actual", "officerCpcjd",
				PledgeFixtures.JSON.createObjectNode().put("value", value).put("comment", comment).toString(), 200);
	}

}
