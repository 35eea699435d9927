package org.coopflow.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TasklistUser;
import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Overlap screening end to end: a proposal that duplicates the other office's programme raises an
 * alert and waits; both offices' coordinators review it in Tasklist; their joint decision sends the
 * proposal on. And the whole-portfolio screening as a job whose progress is polled.
 */
@CoopflowTest
class OverlapScreeningTests {

	@Autowired
	org.coopflow.programmes.OpenOverlapAlerts openAlerts;

	@LocalServerPort
	int port;

	@Autowired
	org.coopflow.programmes.OverlapScreening screening;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	private final ObjectMapper json = new ObjectMapper();

	private ObjectNode prisonReform(String title, java.time.LocalDate[] period) {
		ObjectNode draft = json.createObjectNode();
		draft.put("title", title);
		draft.put("description", "Training prison staff in the Nelson Mandela Rules and reducing pre-trial detention "
				+ "in the prisons of Kenya, with the Kenya Prisons Service");
		draft.putArray("countries").add("KE");
		draft.putArray("standards").add("SMR-PRISONERS").add("TOKYO-RULES");
		draft.putArray("activityTypes").add("TRAINING");
		draft.putArray("sectors").add("15130");
		draft.put("beneficiaryInstitution", "Kenya Prisons Service");
		draft.put("plannedStart", period[0].toString());
		draft.put("plannedEnd", period[1].toString());
		draft.putObject("budget").put("amount", "300000.00").put("currency", "USD");
		return draft;
	}

	private long create(TestHttp api, String officer, ObjectNode draft) {
		TestHttp.Response created = api.send("POST", "/api/programmes", officer, "application/json", draft.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static ObjectNode decision(ObjectMapper json, String decision, String reason) {
		ObjectNode body = json.createObjectNode();
		ObjectNode variables = body.putObject("variables");
		variables.putObject("decision").put("value", decision).put("type", "String");
		if (reason != null) {
			variables.putObject("reason").put("value", reason).put("type", "String");
		}
		return body;
	}

	@Test
	void aDuplicateProposalWaitsForBothCoordinatorsAndGoesOnWhenTheyFindNoOverlap() {
		TestHttp api = TestHttp.api(port);
		java.time.LocalDate[] period = TestPortfolio.period();
		long existing = create(api, "officerOhchr", prisonReform("Prison reform in Kenya", period));
		long proposal = create(api, "officerCpcjd", prisonReform("Reform of Kenyan prisons", period));

		assertThat(api.send("POST", "/api/programmes/" + proposal + "/submission", "officerCpcjd", null, null).status())
			.isEqualTo(201);
		assertThat(api.get("/api/programmes/" + proposal, "admin").json().path("status").asText())
			.isEqualTo("OVERLAP_REVIEW");
		JsonNode alerts = api.get("/api/overlap-alerts?status=OPEN&size=200", "coordinatorCpcjd").json().path("content");
		JsonNode alert = null;
		for (JsonNode a : alerts) {
			if (a.path("first").path("id").asLong() == Math.min(existing, proposal)
					&& a.path("second").path("id").asLong() == Math.max(existing, proposal)) {
				alert = a;
			}
		}
		assertThat(alert).as("an alert for the pair").isNotNull();
		assertThat(alert.path("sameOffice").asBoolean()).isFalse();
		assertThat(alert.path("signals").findValuesAsText("name")).contains("shared-standards", "similar-text");
		long alertId = alert.path("id").asLong();

		// each office's coordinator sees only their own office's review task
		TasklistUser cpcjd = new TasklistUser(port, "coordinatorCpcjd");
		TasklistUser ohchr = new TasklistUser(port, "coordinatorOhchr");
		JsonNode cpcjdTasks = cpcjd.tasksOf("alert-" + alertId);
		JsonNode ohchrTasks = ohchr.tasksOf("alert-" + alertId);
		assertThat(cpcjdTasks).hasSize(1);
		assertThat(ohchrTasks).hasSize(1);
		String cpcjdTask = cpcjdTasks.get(0).path("id").asText();
		String ohchrTask = ohchrTasks.get(0).path("id").asText();
		assertThat(cpcjdTask).isNotEqualTo(ohchrTask);
		assertThat(cpcjd.get("/task/" + cpcjdTask + "/form-variables").toString()).contains("Reform of Kenyan prisons")
			.contains("Prison reform in Kenya");

		assertThat(cpcjd.post("/task/" + cpcjdTask + "/claim", "{\"userId\": \"coordinatorCpcjd\"}").status()).isEqualTo(204);
		assertThat(cpcjd.post("/task/" + cpcjdTask + "/submit-form",
				decision(json, "NOT_OVERLAP", "Different prisons: Nairobi remand homes against Shimo La Tewa").toString())
			.status()).isEqualTo(204);
		assertThat(api.get("/api/programmes/" + proposal, "admin").json().path("status").asText())
			.as("still waiting for the other office").isEqualTo("OVERLAP_REVIEW");
		// OHCHR's coordinator proposes without seeing CPCJD's proposal: not in the form Tasklist opens, nor in
		// the task's variables or the process's history, which the engine lets a candidate read
		String instance = ohchrTasks.get(0).path("processInstanceId").asText();
		for (String read : List.of("/task/" + ohchrTask + "/form-variables", "/task/" + ohchrTask + "/variables",
				"/history/variable-instance?includeDeleted=true&processInstanceId=" + instance,
				"/history/detail?processInstanceId=" + instance)) {
			assertThat(ohchr.get(read).toString()).as(read)
				.contains(read.startsWith("/task/" + ohchrTask + "/form") ? "Prison reform in Kenya" : "alertId")
				.doesNotContain("NOT_OVERLAP")
				.doesNotContain("Nairobi remand homes")
				.doesNotContain("coordinatorCpcjd");
		}
		assertThat(ohchr.post("/task/" + ohchrTask + "/claim", "{\"userId\": \"coordinatorOhchr\"}").status()).isEqualTo(204);
		assertThat(ohchr.post("/task/" + ohchrTask + "/submit-form",
				decision(json, "NOT_OVERLAP", "Agreed: other institutions").toString()).status()).isEqualTo(204);

		// recording the joint decision runs as a job of its own
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		String status;
		do {
			status = api.get("/api/programmes/" + proposal, "admin").json().path("status").asText();
		}
		while (!"UNDER_REVIEW".equals(status) && Instant.now().isBefore(deadline) && pause());
		assertThat(status).isEqualTo("UNDER_REVIEW");
		JsonNode decided = api.get("/api/overlap-alerts/" + alertId, "coordinatorOhchr").json();
		assertThat(decided.path("status").asText()).isEqualTo("NOT_OVERLAP");
		assertThat(decided.path("decidedBy").asText()).contains("coordinatorCpcjd").contains("coordinatorOhchr");
	}

	@Test
	void aProposalRewrittenThroughTheOtherOfficesCompletionIsNeverRecorded() {
		TestHttp api = TestHttp.api(port);
		java.time.LocalDate[] period = TestPortfolio.period();
		long first = create(api, "officerOhchr", prisonReform("Prison health in Kenya", period));
		long second = create(api, "officerCpcjd", prisonReform("Health care in Kenyan prisons", period));
		long alertId = transaction.execute(status -> screening.screen(second)).get(0);
		// what the funding proposal's forms show of it, from either programme
		assertThat(openAlerts.of(second)).singleElement().asString()
			.startsWith("Alert " + alertId + " (")
			.contains("% similar) with \"Prison health in Kenya\" of OHCHR: the coordinators of both offices have not decided yet");
		assertThat(openAlerts.of(first)).singleElement().asString().contains("with \"Health care in Kenyan prisons\" of CPCJD");

		TasklistUser cpcjd = new TasklistUser(port, "coordinatorCpcjd");
		TasklistUser ohchr = new TasklistUser(port, "coordinatorOhchr");
		String cpcjdTask = cpcjd.tasksOf("alert-" + alertId).get(0).path("id").asText();
		String ohchrTask = ohchr.tasksOf("alert-" + alertId).get(0).path("id").asText();
		cpcjd.post("/task/" + cpcjdTask + "/claim", "{\"userId\": \"coordinatorCpcjd\"}");
		assertThat(cpcjd.post("/task/" + cpcjdTask + "/submit-form",
				decision(json, "OVERLAP_MERGE", null).toString()).status()).isEqualTo(204);

		// OHCHR's coordinator answers, and slips in a different CPCJD proposal so that both seem to agree:
		// the task does not ask for it, so the completion is refused before anything is recorded
		ohchr.post("/task/" + ohchrTask + "/claim", "{\"userId\": \"coordinatorOhchr\"}");
		ObjectNode forged = decision(json, "COMPLEMENTARY", null);
		((ObjectNode) forged.path("variables")).putObject("cpcjdDecision").put("value", "COMPLEMENTARY").put("type", "String");
		TestHttp.Response refused = ohchr.post("/task/" + ohchrTask + "/submit-form", forged.toString());
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("message").asText()).contains("cpcjdDecision");

		assertThat(api.get("/api/overlap-alerts/" + alertId, "coordinatorCpcjd").json().path("status").asText())
			.isEqualTo("OPEN");
		assertThat(ohchr.tasksOf("alert-" + alertId)).as("the task is still OHCHR's to answer").hasSize(1);
		String instance = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey("alert-" + alertId)
			.singleResult()
			.getId();
		assertThat(runtime.getVariables(instance)).doesNotContainEntry("cpcjdDecision", "COMPLEMENTARY");
	}

	@Test
	void theWholePortfolioIsScreenedAsAJobWhoseProgressIsPolled() {
		TestHttp api = TestHttp.api(port);
		assertThat(api.send("POST", "/api/overlap-screenings", "officerCpcjd", null, null).status()).isEqualTo(403);
		assertThat(api.send("POST", "/api/overlap-screenings", "donorNorway", null, null).status()).isEqualTo(403);
		TestHttp.Response requested = api.send("POST", "/api/overlap-screenings", "coordinatorOhchr", null, null);
		assertThat(requested.status()).as(requested.body()).isIn(202, 409);
		if (requested.status() == 409) {
			return;
		}
		String location = requested.header("Location");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		JsonNode job;
		do {
			job = api.get(location, "coordinatorOhchr").json();
		}
		while (List.of("QUEUED", "RUNNING").contains(job.path("status").asText()) && Instant.now().isBefore(deadline)
				&& pause());
		assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("DONE");
		assertThat(job.path("programmes").asInt()).isPositive();
		assertThat(job.path("screened").asInt()).isEqualTo(job.path("programmes").asInt());
		assertThat(job.has("pairsFound")).isTrue();
		assertThat(api.get(location, "donorNorway").status()).isEqualTo(403);
	}

	private static boolean pause() {
		try {
			Thread.sleep(200);
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
