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
import org.springframework.jdbc.core.simple.JdbcClient;

/** Data the pledge tests share: programmes open for funding, rates, and pledges in a given state. */
public final class PledgeFixtures {

	public static final ObjectMapper JSON = new ObjectMapper();

	private final TestHttp api;

	private final JdbcClient jdbc;

	public PledgeFixtures(TestHttp api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
	}

	public static LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
	}

	/**
	 * A programme of the office open for funding. Approval is the funding proposal process's business,
	 * tested with it; here the programme is created through the API and its status set directly.
	 */
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
		TestHttp.Response created = api.send("POST", "/api/programmes", officer, "application/json", draft.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		jdbc.sql("UPDATE programme SET status = 'OPEN_FOR_FUNDING' WHERE id = ?").param(id).update();
		return id;
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
		return step("PUT", "/api/pledges/" + id + "/verification", "officerCpcjd", "{\"verified\": true}", 200);
	}

	public JsonNode agree(long id) {
		return step("PUT", "/api/pledges/" + id + "/agreement", "officerCpcjd",
				"{\"agreementDate\": \"" + today() + "\", \"agreementReference\": \"CPCJD/2026/" + id + "\"}", 200);
	}

	public JsonNode pay(long id, String donor, String amount) {
		return step("POST", "/api/pledges/" + id + "/payments", donor,
				"{\"amount\": \"" + amount + "\", \"paidOn\": \"" + today() + "\", \"reference\": \"SWIFT-" + id + "\"}", 201);
	}

	public JsonNode confirm(long id, long paymentId) {
		return step("PUT", "/api/pledges/" + id + "/payments/" + paymentId + "/receipt", "officerCpcjd",
				"{\"received\": true}", 200);
	}

	public static long lastPaymentId(JsonNode pledge) {
		JsonNode payments = pledge.path("payments");
		return payments.get(payments.size() - 1).path("id").asLong();
	}

}
