package org.coopflow.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task of the pledge process works on the pledge of its process's business key, whatever a
 * completion sends through engine-rest: naming another office's pledge or payment in the variables
 * changes nothing of that pledge.
 */
@CoopflowTest
class PledgeTaskCompletionTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	TestHttp api;

	PledgeFixtures fixtures;

	@BeforeEach
	void setUp() {
		api = TestHttp.api(port);
		fixtures = new PledgeFixtures(api);
	}

	/** What can tell that anything happened to a pledge: its record, its timeline, its ledger, its process, its mails. */
	private record Trace(JsonNode pledge, List<String> timeline, List<String> ledger, List<String> openTasks,
			List<String> mails) {
	}

	private Trace trace(long pledgeId, String officer) {
		JsonNode pledge = fixtures.step("GET", "/api/pledges/" + pledgeId, officer, null, 200);
		((ObjectNode) pledge).remove("overdue");
		Pattern mention = Pattern.compile("\\bpledge " + pledgeId + "\\b", Pattern.CASE_INSENSITIVE);
		return new Trace(pledge,
				jdbc.sql("SELECT CONCAT(kind, ' ', status, ' ', actor) FROM pledge_event WHERE pledge_id = ? ORDER BY id")
					.param(pledgeId)
					.query(String.class)
					.list(),
				jdbc.sql("SELECT CONCAT(stage, ' ', amount) FROM programme_funding_entry WHERE pledge_ref = ? ORDER BY id")
					.param("pledge-" + pledgeId)
					.query(String.class)
					.list(),
				tasks.createTaskQuery()
					.processInstanceBusinessKey(DonorPledgeProcess.businessKey(pledgeId))
					.list()
					.stream()
					.map(Task::getTaskDefinitionKey)
					.sorted()
					.toList(),
				jdbc.sql("SELECT CONCAT(event_key, ' ', recipient, ' ', subject) FROM notification_outbox ORDER BY id")
					.query(String.class)
					.list()
					.stream()
					.filter(mail -> mention.matcher(mail).find() || mail.matches("\\S+:" + pledgeId + "(:\\S*)? .*"))
					.toList());
	}

	private long ohchrPledge() {
		ObjectNode pledge = PledgeFixtures.pledge("5000", "USD");
		pledge.put("office", "OHCHR");
		return fixtures.create("donorJapan", pledge).path("id").asLong();
	}

	private String openTask(long pledgeId, String officer) {
		JsonNode open = fixtures.step("GET", "/engine-rest/task?processInstanceBusinessKey="
				+ DonorPledgeProcess.businessKey(pledgeId), officer, null, 200);
		assertThat(open).as("open tasks of pledge " + pledgeId).hasSize(1);
		String taskId = open.get(0).path("id").asText();
		fixtures.step("POST", "/engine-rest/task/" + taskId + "/claim", officer, "{\"userId\": \"" + officer + "\"}", 204);
		return taskId;
	}

	@Test
	void verifyingOnesOwnPledgeNamingAnotherOfficesPledgeIsRefusedAndChangesNothing() {
		long own = fixtures.create("donorNorway", PledgeFixtures.pledge("1000", "USD")).path("id").asLong();
		long others = ohchrPledge();
		Trace before = trace(others, "officerOhchr");
		assertThat(before.pledge().path("status").asText()).isEqualTo("PLEDGED");
		assertThat(before.openTasks()).containsExactly(DonorPledgeProcess.Tasks.VERIFY_PLEDGE);

		String taskId = openTask(own, "officerCpcjd");
		TestHttp.Response completed = api.send("POST", "/engine-rest/task/" + taskId + "/complete", "officerCpcjd",
				"application/json", """
						{"variables":{"pledgeId":{"value":%d,"type":"Long"},"pledgeVerified":{"value":false},\
						"verificationNote":{"value":"declined"}}}""".formatted(others));

		assertThat(completed.status()).as(completed.body()).isEqualTo(400);
		assertThat(completed.json().path("message").asText()).contains("pledgeId");
		assertThat(trace(others, "officerOhchr")).isEqualTo(before);
		JsonNode ownAfter = fixtures.step("GET", "/api/pledges/" + own, "officerCpcjd", null, 200);
		assertThat(ownAfter.path("status").asText()).as("the refused completion changed nothing").isEqualTo("PLEDGED");
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task is still open").isEqualTo(1);
	}

	@Test
	void confirmingAPaymentOfAnotherOfficesPledgeIsRefusedAndChangesNothing() {
		long own = fixtures.create("donorNorway", PledgeFixtures.pledge("1000", "USD")).path("id").asLong();
		fixtures.verify(own);
		fixtures.agree(own);
		fixtures.pay(own, "donorNorway", "400");
		long others = ohchrPledge();
		fixtures.step("PUT", "/api/pledges/" + others + "/verification", "officerOhchr", "{\"verified\": true}", 200);
		fixtures.step("PUT", "/api/pledges/" + others + "/agreement", "officerOhchr",
				"{\"agreementDate\": \"" + PledgeFixtures.today() + "\", \"agreementReference\": \"OHCHR/" + others + "\"}", 200);
		long othersPayment = PledgeFixtures.lastPaymentId(fixtures.pay(others, "donorJapan", "700"));
		Trace before = trace(others, "officerOhchr");
		assertThat(before.openTasks()).contains(DonorPledgeProcess.Tasks.CONFIRM_RECEIPT);

		String taskId = tasks.createTaskQuery()
			.processInstanceBusinessKey(DonorPledgeProcess.businessKey(own))
			.taskDefinitionKey(DonorPledgeProcess.Tasks.CONFIRM_RECEIPT)
			.singleResult()
			.getId();
		fixtures.step("POST", "/engine-rest/task/" + taskId + "/claim", "officerCpcjd", "{\"userId\": \"officerCpcjd\"}", 204);
		// submitting the form, unlike completing the task, overwrites the payment the task was bound to
		TestHttp.Response completed = api.send("POST", "/engine-rest/task/" + taskId + "/submit-form", "officerCpcjd",
				"application/json", """
						{"variables":{"paymentId":{"value":%d,"type":"Long"},"paymentReceived":{"value":true}}}"""
					.formatted(othersPayment));

		assertThat(completed.status()).as(completed.body()).isEqualTo(400);
		assertThat(completed.json().path("message").asText()).contains("paymentId");
		assertThat(trace(others, "officerOhchr")).isEqualTo(before);
		JsonNode ownAfter = fixtures.step("GET", "/api/pledges/" + own, "officerCpcjd", null, 200);
		assertThat(ownAfter.path("status").asText()).isEqualTo("COMMITTED");
		assertThat(ownAfter.path("payments").get(0).path("status").asText()).isEqualTo("REPORTED");
	}

	@Test
	void whoDecidedIsTheSignedInOfficerRecordedOnThePledgeAndNotStoredAsAVariable() {
		long id = announced();
		String instance = instanceOf(id);
		verifyAsOfficerCpcjd(id, "{\"variables\":{\"pledgeVerified\":{\"value\":true}}}");

		assertThat(verifiedBy(id)).isEqualTo("officerCpcjd");
		assertThat(trace(id, "officerCpcjd").timeline()).contains("VERIFIED PLEDGED officerCpcjd");
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance)
			.variableName(DonorPledgeProcess.Variables.DECIDED_BY)
			.count()).as("who decided, transient").isZero();
	}

	@Test
	void anInstanceThatStoresWhoDecidedKeepsStoringIt() {
		long id = announced();
		String instance = instanceOf(id);
		// as an instance started before who decided became transient stores it
		runtime.setVariable(instance, DonorPledgeProcess.Variables.DECIDED_BY, "someoneBefore");
		verifyAsOfficerCpcjd(id, "{\"variables\":{\"pledgeVerified\":{\"value\":true}}}");

		assertThat(verifiedBy(id)).isEqualTo("officerCpcjd");
		assertThat(runtime.getVariable(instance, DonorPledgeProcess.Variables.DECIDED_BY)).isEqualTo("officerCpcjd");
	}

	@Test
	void theAnswersOfAPledgeTaskAreKeptOnThePledgeAndNotStoredAsVariables() {
		long id = announced();
		String instance = instanceOf(id);
		verifyAsOfficerCpcjd(id, """
				{"variables":{"pledgeVerified":{"value":true},"verificationNote":{"value":"Confirmed by the mission"}}}""");

		assertThat(jdbc.sql("SELECT detail FROM pledge_event WHERE pledge_id = ? AND kind = 'VERIFIED'")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("Confirmed by the mission");
		// "Pledge verified?" asks the record: the process went on to the agreement
		assertThat(trace(id, "officerCpcjd").openTasks()).contains(DonorPledgeProcess.Tasks.CONCLUDE_AGREEMENT);
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance)
			.variableNameIn(DonorPledgeProcess.Variables.PLEDGE_VERIFIED, DonorPledgeProcess.Variables.VERIFICATION_NOTE)
			.count()).as("the answers, transient").isZero();
		assertThat(history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list())
			.extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
			.doesNotContain(DonorPledgeProcess.Variables.PLEDGE_VERIFIED, DonorPledgeProcess.Variables.VERIFICATION_NOTE);
	}

	@Test
	void anInstanceThatStoresAnAnswerKeepsStoringIt() {
		long id = announced();
		String instance = instanceOf(id);
		// as an instance verified before the answers became transient, and sent back to verification, stores it
		runtime.setVariable(instance, DonorPledgeProcess.Variables.VERIFICATION_NOTE, "an earlier note");
		verifyAsOfficerCpcjd(id, """
				{"variables":{"pledgeVerified":{"value":true},"verificationNote":{"value":"Confirmed again"}}}""");

		assertThat(runtime.getVariable(instance, DonorPledgeProcess.Variables.VERIFICATION_NOTE)).isEqualTo("Confirmed again");
		assertThat(runtime.getVariable(instance, DonorPledgeProcess.Variables.PLEDGE_VERIFIED)).as("not stored before")
			.isNull();
	}

	private long announced() {
		return fixtures.create("donorNorway", PledgeFixtures.pledge("1000", "USD")).path("id").asLong();
	}

	@Test
	void aTaskAColleagueCompletedMeanwhileIsGoneWith404AndNothingChanges() {
		long id = announced();
		String taskId = openTask(id, "officerCpcjd");
		fixtures.step("POST", "/engine-rest/task/" + taskId + "/complete", "officerCpcjd",
				"{\"variables\":{\"pledgeVerified\":{\"value\":true}}}", 204);
		Trace before = trace(id, "officerCpcjd");

		// the second officer's form was open on the same task: Tasklist sends complete or submit-form, or claims it
		for (String[] call : new String[][] { { "complete", "{\"variables\":{\"pledgeVerified\":{\"value\":false}}}" },
				{ "submit-form", "{\"variables\":{\"pledgeVerified\":{\"value\":false}}}" },
				{ "claim", "{\"userId\": \"reviewerCpcjd\"}" }, { "resolve", "{\"variables\":{}}" } }) {
			TestHttp.Response gone = api.send("POST", "/engine-rest/task/" + taskId + "/" + call[0], "reviewerCpcjd",
					"application/json", call[1]);
			assertThat(gone.status()).as(call[0] + ": " + gone.body()).isEqualTo(404);
			assertThat(gone.json().path("message").asText()).as(call[0])
				.contains("Task " + taskId + " no longer exists: someone completed it");
		}
		// Tasklist itself goes through the webapps' own engine API, which keeps Camunda's status codes: what the
		// officer reads there is the refusal of the completion itself (workflow.TaskGone), not engine-rest's answer
		org.coopflow.TasklistUser tasklist = new org.coopflow.TasklistUser(port, "reviewerCpcjd");
		for (String call : List.of("complete", "submit-form", "claim")) {
			TestHttp.Response refused = tasklist.post("/task/" + taskId + "/" + call,
					"claim".equals(call) ? "{\"userId\": \"reviewerCpcjd\"}" : "{\"variables\":{}}");
			assertThat(refused.status()).as(call + ": " + refused.body()).isIn(400, 500);
			assertThat(refused.json().path("message").asText()).as(call)
				.contains("Task " + taskId + " no longer exists: someone completed it, or its process ended, since it was "
						+ "opened. Reload the task list.");
		}

		// and a client of engine-rest, reading it from a list read before, loads its form and variables
		for (String read : List.of("deployed-form", "form-variables", "rendered-form", "variables", "localVariables",
				"identity-links")) {
			TestHttp.Response gone = api.get("/engine-rest/task/" + taskId + "/" + read, "reviewerCpcjd");
			assertThat(gone.status()).as(read + ": " + gone.body()).isEqualTo(404);
			assertThat(gone.json().path("message").asText()).as(read)
				.contains("Task " + taskId + " no longer exists: someone completed it");
		}
		assertThat(api.send("POST", "/engine-rest/task/no-such-task/complete", "officerCpcjd", "application/json",
				"{\"variables\":{}}").status()).isEqualTo(404);
		// a bad question about the task list itself stays Camunda's 400
		assertThat(api.get("/engine-rest/task/count?dueBefore=tomorrow", "officerCpcjd").status()).isEqualTo(400);
		assertThat(trace(id, "officerCpcjd")).isEqualTo(before);
	}

	/** Completes "Verify pledge" through engine-rest, as Tasklist would, with the variables sent. */
	private void verifyAsOfficerCpcjd(long pledgeId, String variables) {
		String taskId = openTask(pledgeId, "officerCpcjd");
		fixtures.step("POST", "/engine-rest/task/" + taskId + "/complete", "officerCpcjd", variables, 204);
	}

	private String instanceOf(long pledgeId) {
		return runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(DonorPledgeProcess.businessKey(pledgeId))
			.singleResult()
			.getId();
	}

	private String verifiedBy(long pledgeId) {
		return jdbc.sql("SELECT verified_by FROM pledge WHERE id = ?").param(pledgeId).query(String.class).single();
	}

}
