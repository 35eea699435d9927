package org.coopflow.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.programmes.ProposalLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Funded programmes to implement: created through the API, opened for funding directly (approval is
 * the funding proposal's business), funded by a donor's pledge that is agreed and paid through the API,
 * and marked FUNDED as the funding proposal process does, which starts the implementation.
 */
public final class ImplementationFixtures {

	private final TestHttp api;

	private final JdbcClient jdbc;

	private final ProposalLifecycle lifecycle;

	private final TransactionTemplate transaction;

	private final PledgeFixtures pledges;

	public ImplementationFixtures(TestHttp api, JdbcClient jdbc, ProposalLifecycle lifecycle,
			TransactionTemplate transaction) {
		this.api = api;
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
		this.transaction = transaction;
		this.pledges = new PledgeFixtures(api, jdbc);
	}

	public PledgeFixtures pledges() {
		return pledges;
	}

	/** A CPCJD programme open for funding, with every activity type. */
	public long openProgramme(String budget, String currency) {
		ObjectNode draft = PledgeFixtures.JSON.createObjectNode();
		draft.put("title", "Justice for children " + UUID.randomUUID());
		draft.put("description", "Translating the Compendium, surveying replies and an expert meeting on the draft rules");
		draft.putArray("countries").add("KE").add("UG");
		draft.putArray("standards").add("SMR-PRISONERS").add("TOKYO-RULES").add("DRAFT-ADMIN-JUSTICE");
		var types = draft.putArray("activityTypes");
		for (var type : org.coopflow.programmes.ActivityType.values()) {
			types.add(type.name());
		}
		draft.putArray("sectors").add("15130");
		TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", budget).put("currency", currency);
		TestHttp.Response created = api.send("POST", "/api/programmes", "officerCpcjd", "application/json", draft.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		jdbc.sql("UPDATE programme SET status = 'OPEN_FOR_FUNDING' WHERE id = ?").param(id).update();
		return id;
	}

	/**
	 * A programme funded in full by {@code donor}'s pledge, of which {@code paid} has been received; FUNDED,
	 * with its implementation process waiting for the activities to be planned.
	 */
	public long fundedProgramme(String budget, String donor, String paid) {
		long programmeId = openProgramme(budget, "USD");
		long pledgeId = pledge(programmeId, donor, budget, paid);
		assertThat(pledgeId).isPositive();
		markFunded(programmeId);
		return programmeId;
	}

	/** A pledge of the donor to the programme, agreed, with {@code paid} received (nothing when "0"). */
	public long pledge(long programmeId, String donor, String amount, String paid) {
		return pledge(programmeId, donor, amount, "USD", paid);
	}

	/** The same in another currency, which needs this month's rate entered first. */
	public long pledge(long programmeId, String donor, String amount, String currency, String paid) {
		long pledgeId = pledges.create(donor, PledgeFixtures.toProgramme(amount, currency, programmeId)).path("id").asLong();
		pledges.verify(pledgeId);
		pledges.agree(pledgeId);
		if (!"0".equals(paid)) {
			JsonNode reported = pledges.pay(pledgeId, donor, paid);
			pledges.confirm(pledgeId, PledgeFixtures.lastPaymentId(reported));
		}
		return pledgeId;
	}

	public void markFunded(long programmeId) {
		transaction.executeWithoutResult(status -> lifecycle.markFunded(programmeId, "test"));
	}

	public static ObjectNode activity(String type, String title) {
		ObjectNode activity = PledgeFixtures.JSON.createObjectNode();
		activity.put("type", type);
		activity.put("title", title);
		activity.put("country", "KE");
		activity.putArray("standards").add("SMR-PRISONERS");
		activity.put("plannedStart", PledgeFixtures.today().toString());
		activity.put("plannedEnd", PledgeFixtures.today().plusMonths(3).toString());
		activity.put("budgetLine", "BL-" + type);
		activity.put("plannedCost", "10000.00");
		return activity;
	}

	public JsonNode plan(long programmeId, ObjectNode activity) {
		return pledges.step("POST", "/api/programmes/" + programmeId + "/activities", "officerCpcjd", activity.toString(),
				201);
	}

	public static ObjectNode expenditure(String amount) {
		ObjectNode spending = PledgeFixtures.JSON.createObjectNode();
		spending.put("amount", amount);
		spending.put("currency", "USD");
		spending.put("spentOn", PledgeFixtures.today().toString());
		spending.put("description", "Interpreters and venue");
		return spending;
	}

}
