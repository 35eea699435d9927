package org.coopflow.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.programmes.ProgrammeFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Funded programmes and their activities for tests of the activity types. Approval and funding are the
 * funding proposal process's business, tested with it: here a programme is created through the API, in a
 * period of its own, and its status set to FUNDED directly; a donor funds it with a pledge agreed and
 * allocated through the API.
 */
public final class ActivityFixtures {

	public static final ObjectMapper JSON = new ObjectMapper();

	private final TestHttp api;

	private final JdbcClient jdbc;

	private final PledgeFixtures pledges;

	public ActivityFixtures(TestHttp api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
		this.pledges = new PledgeFixtures(api);
	}

	/** A FUNDED CPCJD programme (KE, UG; SMR-PRISONERS, TOKYO-RULES) with the given activity types. */
	public long fundedProgramme(String... activityTypes) {
		return funded(ProgrammeFixtures.draft("Standards in practice " + UUID.randomUUID()), activityTypes);
	}

	/** A FUNDED CPCJD programme (KE, UG) promoting only the given standard, with the given activity types. */
	public long fundedProgrammePromoting(String standard, String... activityTypes) {
		ObjectNode draft = ProgrammeFixtures.draft("Standards in practice " + UUID.randomUUID());
		draft.putArray("standards").add(standard);
		return funded(draft, activityTypes);
	}

	private long funded(ObjectNode draft, String... activityTypes) {
		ArrayNode types = draft.putArray("activityTypes");
		for (String type : activityTypes) {
			types.add(type);
		}
		long id = pledges.programmes().create("officerCpcjd", draft);
		// through the API, FUNDED takes pledges covering the budget and starts the implementation process; these
		// tests need a funded programme no demo Member State funds yet and no process but the one they start
		jdbc.sql("UPDATE programme SET status = 'FUNDED' WHERE id = ?").param(id).update();
		return id;
	}

	/** An activity of the programme, planned by officerCpcjd, promoting the given standards. */
	public long activity(long programmeId, String type, String... standards) {
		ObjectNode draft = JSON.createObjectNode();
		draft.put("type", type);
		draft.put("title", type.toLowerCase().replace('_', ' ') + " " + UUID.randomUUID().toString().substring(0, 8));
		ArrayNode list = draft.putArray("standards");
		for (String standard : standards) {
			list.add(standard);
		}
		draft.put("plannedStart", "2027-01-01");
		draft.put("plannedEnd", "2027-06-30");
		draft.put("budgetLine", "BL-" + type);
		draft.put("plannedCost", "10000.00");
		TestHttp.Response created = api.send("POST", "/api/programmes/" + programmeId + "/activities", "officerCpcjd",
				"application/json", draft.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	/** A FUNDED programme with one activity of the type; the activity's id. */
	public long activityOfType(String type, String... standards) {
		return activity(fundedProgramme(type), type, standards);
	}

	public long programmeOf(long activityId) {
		return jdbc.sql("SELECT programme_id FROM activity WHERE id = ?").param(activityId).query(Long.class).single();
	}

	/** The Member State's committed pledge, allocated to the programme: its donors may read the activities. */
	public void fundedBy(String memberState, long programmeId) {
		String donor = switch (memberState) {
			case "NO" -> "donorNorway";
			case "JP" -> "donorJapan";
			default -> throw new IllegalArgumentException("No demo donor of " + memberState);
		};
		long pledgeId = pledges.agreed(donor, PledgeFixtures.pledge("1000", "USD"), "0");
		pledges.allocate(pledgeId, programmeId);
	}

	public void cancel(long activityId) {
		step("PUT", "/api/activities/" + activityId + "/cancellation", "officerCpcjd",
				"{\"reason\": \"The Government postponed it\"}", 200);
	}

	public JsonNode step(String method, String path, String user, String body, int expected) {
		TestHttp.Response response = api.send(method, path, user, "application/json", body);
		assertThat(response.status()).as(method + " " + path + " as " + user + ": " + response.body()).isEqualTo(expected);
		return response.body().isEmpty() ? null : response.json();
	}

}
