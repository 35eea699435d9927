package org.coopflow.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.coopflow.TestHttp;
import org.coopflow.programmes.ProgrammeFixtures;

/** Data the pledge tests share: programmes open for funding, rates, and pledges in a given state. */
public final class PledgeFixtures {

	public static final ObjectMapper JSON = new ObjectMapper();

	private final TestHttp api;

	private final ProgrammeFixtures programmes;

	/** Who verifies, agrees and confirms: an officer of the pledges' office. */
	private final String officer;

	public PledgeFixtures(TestHttp api) {
		this(api, new ProgrammeFixtures(api), "officerCpcjd");
	}

	private PledgeFixtures(TestHttp api, ProgrammeFixtures programmes, String officer) {
		this.api = api;
		this.programmes = programmes;
		this.officer = officer;
	}

	/** The same fixtures, with the officer who takes the office's steps (officerCpcjd unless told). */
	public PledgeFixtures by(String officer) {
		return new PledgeFixtures(api, programmes, officer);
	}

	public static LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
	}

	/** A programme of the officer's office, approved through its funding proposal process: open for funding. */
	public long openProgramme(String officer, String amount, String currency) {
		ObjectNode draft = JSON.createObjectNode();
		draft.put("title", "Prison reform " + UUID.randomUUID());
		draft.put("description", "Advisory services and training on the Nelson Mandela Rules for prison staff");
		draft.putArray("countries").add("KE").add("UG");
		draft.putArray("standards").add("SMR-PRISONERS").add("TOKYO-RULES");
		draft.putArray("activityTypes").add("ADVISORY_SERVICES");
		draft.putArray("sectors").add("15130");
		org.coopflow.TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", amount).put("currency", currency);
		return programmes.open(officer, draft);
	}

	public ProgrammeFixtures programmes() {
		return programmes;
	}

	public void rate(String currency, String unitsPerUsd) {
		TestHttp.Response entered = api.send("PUT", "/api/exchange-rates/" + YearMonth.from(today()) + "/" + currency,
				"officerCpcjd", "application/json", "{\"unitsPerUsd\": \"" + unitsPerUsd + "\"}");
		assertThat(entered.status()).as(entered.body()).isEqualTo(200);
	}

	public static ObjectNode pledge(String amount, String currency) {
		ObjectNode pledge = JSON.createObjectNode();
		pledge.put("amount", amount);
		pledge.put("currency", currency);
		pledge.put("office", "CPCJD");
		return pledge;
	}

	public static ObjectNode toProgramme(String amount, String currency, long programmeId) {
		ObjectNode pledge = JSON.createObjectNode();
		pledge.put("amount", amount);
		pledge.put("currency", currency);
		pledge.put("earmarking", "PROGRAMME");
		pledge.put("programmeId", programmeId);
		return pledge;
	}

	public JsonNode create(String donor, ObjectNode pledge) {
		TestHttp.Response response = api.sendWithHeaders("POST", "/api/pledges", donor,
				java.util.Map.of("Idempotency-Key", UUID.randomUUID().toString()), "application/json", pledge.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	public JsonNode step(String method, String path, String user, String body, int expected) {
		TestHttp.Response response = api.send(method, path, user, "application/json", body);
		assertThat(response.status()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return response.body().isEmpty() ? null : response.json();
	}

	public JsonNode verify(long id) {
		return step("PUT", "/api/pledges/" + id + "/verification", officer, "{\"verified\": true}", 200);
	}

	public JsonNode agree(long id) {
		return step("PUT", "/api/pledges/" + id + "/agreement", officer,
				"{\"agreementDate\": \"" + today() + "\", \"agreementReference\": \"CPCJD/2026/" + id + "\"}", 200);
	}

	public JsonNode pay(long id, String donor, String amount) {
		return step("POST", "/api/pledges/" + id + "/payments", donor,
				"{\"amount\": \"" + amount + "\", \"paidOn\": \"" + today() + "\", \"reference\": \"SWIFT-" + id + "\"}", 201);
	}

	public JsonNode confirm(long id, long paymentId) {
		return step("PUT", "/api/pledges/" + id + "/payments/" + paymentId + "/receipt", officer,
				"{\"received\": true}", 200);
	}

	/**
	 * The donor's pledge as {@code request} says, verified and agreed (COMMITTED), with {@code paid}
	 * reported and confirmed (nothing when "0"); its id.
	 */
	public long agreed(String donor, ObjectNode request, String paid) {
		long pledgeId = create(donor, request).path("id").asLong();
		verify(pledgeId);
		agree(pledgeId);
		if (!"0".equals(paid)) {
			confirm(pledgeId, lastPaymentId(pay(pledgeId, donor, paid)));
		}
		return pledgeId;
	}

	/** Allocates the agreed pledge's funds to the programme ("Allocate funds"). */
	public JsonNode allocate(long pledgeId, long programmeId) {
		return step("PUT", "/api/pledges/" + pledgeId + "/allocation", officer, "{\"programmeId\": " + programmeId + "}",
				200);
	}

	/** An officer cancels the pledge, which releases its allocation. */
	public JsonNode cancel(long pledgeId, String reason) {
		return step("PUT", "/api/pledges/" + pledgeId + "/cancellation", officer,
				JSON.createObjectNode().put("reason", reason).toString(), 200);
	}

	public static long lastPaymentId(JsonNode pledge) {
		JsonNode payments = pledge.path("payments");
		return payments.get(payments.size() - 1).path("id").asLong();
	}

}
