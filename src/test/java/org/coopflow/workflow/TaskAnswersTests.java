package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.coopflow.CoopflowTest;
import org.coopflow.TasklistUser;
import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.coopflow.programmes.FundingProposalProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task completion through engine-rest and Tasklist's own REST accepts only the task's answers, keeps
 * the facts the task shows, and answers every business refusal (an undeclared variable, a changed fact,
 * four eyes, a missing note) with 400 and the human message, changing nothing; a failure of the engine
 * stays a 500. Candidates work their tasks (claim, complete) and change nothing else about them.
 */
@CoopflowTest
class TaskAnswersTests {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RepositoryService repository;

	private final ObjectMapper json = new ObjectMapper();

	private String fixtureTask() {
		String instance = runtime.startProcessInstanceByKey("FixtureReviewProcess", "completion " + UUID.randomUUID(),
				Map.of("candidateGroup", "PROGRAMME_OFFICER_CPCJD", "title", "The fixture's title"))
			.getId();
		return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
	}

	private ObjectNode variables(Object... nameValue) {
		ObjectNode body = json.createObjectNode();
		ObjectNode variables = body.putObject("variables");
		for (int i = 0; i < nameValue.length; i += 2) {
			ObjectNode variable = variables.putObject((String) nameValue[i]);
			if (nameValue[i + 1] instanceof Boolean bool) {
				variable.put("value", bool).put("type", "Boolean");
			}
			else {
				variable.put("value", (String) nameValue[i + 1]).put("type", "String");
			}
		}
		return body;
	}

	private TestHttp.Response engineRest(String method, String path, String user, String body) {
		return TestHttp.api(port).send(method, "/engine-rest" + path, user, body == null ? null : "application/json", body);
	}

	private static void isRefusal(TestHttp.Response response, String... message) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.json().path("message").asText()).contains(message);
	}

	@Test
	void aVariableTheFormDoesNotAskForIsRefusedOnEveryWayOfCompletingAndChangesNothing() {
		String taskId = fixtureTask();
		String instance = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
		assertThat(engineRest("POST", "/task/" + taskId + "/claim", "officerCpcjd", "{\"userId\": \"officerCpcjd\"}")
			.status()).isEqualTo(204);
		String forged = variables("comment", "Fine", "decidedBy", "someoneElse").toString();

		TestHttp.Response completed = engineRest("POST", "/task/" + taskId + "/complete", "officerCpcjd", forged);
		isRefusal(completed, "decidedBy: is not a field of the form of \"Review fixture\"");
		isRefusal(engineRest("POST", "/task/" + taskId + "/submit-form", "officerCpcjd", forged), "decidedBy");
		isRefusal(engineRest("POST", "/task/" + taskId + "/resolve", "officerCpcjd", forged), "decidedBy");
		isRefusal(new TasklistUser(port, "officerCpcjd").post("/task/" + taskId + "/submit-form", forged), "decidedBy");

		assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task is still open").isEqualTo(1);
		assertThat(runtime.getVariables(instance)).doesNotContainKeys("comment", "decidedBy");

		// what Tasklist sends: the answer, and the readonly field back as it was shown
		TestHttp.Response honest = new TasklistUser(port, "officerCpcjd").post("/task/" + taskId + "/submit-form",
				variables("comment", "Fine", "title", "The fixture's title").toString());
		assertThat(honest.status()).as(honest.body()).isEqualTo(204);
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
	}

	/**
	 * Someone who may not work the task is told so whether the answers are right or wrong: the form's
	 * refusal would otherwise say what the task asks to a person who may not see it.
	 */
	@Test
	void whoMayNotWorkTheTaskHearsThatFirstWhateverTheAnswers() {
		String taskId = fixtureTask();
		String instance = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();

		TestHttp.Response wrong = engineRest("POST", "/task/" + taskId + "/complete", "officerOhchr",
				variables("comment", "Fine", "decidedBy", "someoneElse").toString());
		assertThat(wrong.status()).as(wrong.body()).isEqualTo(403);
		assertThat(wrong.body()).doesNotContain("decidedBy");
		TestHttp.Response right = engineRest("POST", "/task/" + taskId + "/complete", "officerOhchr",
				variables("comment", "Fine", "title", "The fixture's title").toString());
		assertThat(right.status()).as(right.body()).isEqualTo(403);

		assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task is still open").isEqualTo(1);
		assertThat(runtime.getVariables(instance)).doesNotContainKey("comment");
	}

	@Test
	void aReadonlyFieldComesBackOnlyAsItWasShown() {
		String taskId = fixtureTask();
		String instance = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
		engineRest("POST", "/task/" + taskId + "/claim", "officerCpcjd", "{\"userId\": \"officerCpcjd\"}");

		isRefusal(engineRest("POST", "/task/" + taskId + "/complete", "officerCpcjd",
				variables("comment", "Fine", "title", "Another title").toString()),
				"Title (title): is shown by \"Review fixture\" and cannot be changed");
		assertThat(runtime.getVariable(instance, "title")).isEqualTo("The fixture's title");
	}

	@Test
	void aFactThePledgeTaskShowsCannotBeOverwritten() {
		TestHttp api = TestHttp.api(port);
		long pledgeId = pledge(api);
		Task verify = pledgeTask(pledgeId);
		Object summary = forms.getTaskFormVariables(verify.getId()).get("pledgeSummary");
		assertThat(summary).asString().startsWith("Norway pledged ");
		engineRest("POST", "/task/" + verify.getId() + "/claim", "officerCpcjd", "{\"userId\": \"officerCpcjd\"}");

		isRefusal(engineRest("POST", "/task/" + verify.getId() + "/complete", "officerCpcjd",
				variables("pledgeVerified", true, "pledgeSummary", "Pledge of USD 1").toString()), "pledgeSummary");
		assertThat(forms.getTaskFormVariables(verify.getId()).get("pledgeSummary")).isEqualTo(summary);
		assertThat(tasks.getVariable(verify.getId(), "pledgeSummary")).as("never written").isNull();
		assertThat(api.get("/api/pledges/" + pledgeId, "officerCpcjd").json().path("verifiedAt").isMissingNode())
			.as("not verified").isTrue();
	}

	@Test
	void decliningAPledgeWithoutANoteIsRefusedWithTheReason() {
		TestHttp api = TestHttp.api(port);
		long pledgeId = pledge(api);
		Task verify = pledgeTask(pledgeId);
		engineRest("POST", "/task/" + verify.getId() + "/claim", "officerCpcjd", "{\"userId\": \"officerCpcjd\"}");

		isRefusal(engineRest("POST", "/task/" + verify.getId() + "/complete", "officerCpcjd",
				variables("pledgeVerified", false).toString()), "Note (verificationNote): say why the pledge is declined");
		isRefusal(new TasklistUser(port, "officerCpcjd").post("/task/" + verify.getId() + "/submit-form",
				variables("pledgeVerified", false, "verificationNote", "").toString()), "verificationNote");

		assertThat(api.get("/api/pledges/" + pledgeId, "officerCpcjd").json().path("status").asText())
			.isNotEqualTo("CANCELLED");
		assertThat(tasks.createTaskQuery().taskId(verify.getId()).count()).as("the task is still open").isEqualTo(1);
	}

	@Test
	void theSubmitterOfAProposalIsRefusedItsReviewWithTheReason() {
		TestHttp api = TestHttp.api(port);
		ObjectNode draft = json.createObjectNode();
		draft.put("title", "Four eyes " + UUID.randomUUID().toString().substring(0, 8));
		draft.put("description", "Advisory services on the Nelson Mandela Rules");
		draft.putArray("countries").add("KE");
		draft.putArray("standards").add("SMR-PRISONERS");
		draft.putArray("activityTypes").add("ADVISORY_SERVICES");
		draft.putArray("sectors").add("15130");
		TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", "90000.00").put("currency", "USD");
		long id = api.send("POST", "/api/programmes", "officerCpcjd", "application/json", draft.toString())
			.json()
			.path("id")
			.asLong();
		assertThat(api.send("POST", "/api/programmes/" + id + "/submission", "officerCpcjd", null, null).status())
			.isEqualTo(201);
		Task review = tasks.createTaskQuery()
			.processDefinitionKey(FundingProposalProcess.PROCESS_KEY)
			.processInstanceBusinessKey(FundingProposalProcess.businessKey(id))
			.taskDefinitionKey("Task_ReviewProposal")
			.singleResult();
		// as if an administrator had removed the revoke that hides the review from its submitter: the
		// listener's check on the record is the second line, and the client hears why
		authorizations.createAuthorizationQuery()
			.userIdIn("officerCpcjd")
			.resourceType(Resources.TASK)
			.resourceId(review.getId())
			.list()
			.forEach(revoke -> authorizations.deleteAuthorization(revoke.getId()));

		isRefusal(engineRest("POST", "/task/" + review.getId() + "/complete", "officerCpcjd",
				variables("reviewDecision", "APPROVE").toString()),
				"officerCpcjd submitted this proposal and may not review it");
		isRefusal(engineRest("POST", "/task/" + review.getId() + "/claim", "officerCpcjd",
				"{\"userId\": \"officerCpcjd\"}"), "may not review it");
		assertThat(api.get("/api/programmes/" + id, "admin").json().path("status").asText()).isEqualTo("UNDER_REVIEW");
	}

	@Test
	void candidatesClaimAndCompleteTheirTasksButCannotChangeThem() {
		String taskId = fixtureTask();
		assertThat(authorizations.createAuthorizationQuery()
			.groupIdIn("PROGRAMME_OFFICER_CPCJD")
			.resourceType(Resources.TASK)
			.resourceId(taskId)
			.singleResult())
			.satisfies(grant -> {
				assertThat(grant.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
				assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();
			});

		assertThat(engineRest("PUT", "/task/" + taskId + "/variables/comment", "officerCpcjd",
				"{\"value\": \"set from outside\", \"type\": \"String\"}").status()).isEqualTo(403);
		assertThat(engineRest("POST", "/task/" + taskId + "/variables", "officerCpcjd",
				variables("comment", "set from outside").toString().replace("\"variables\"", "\"modifications\"")).status())
			.isEqualTo(403);
		assertThat(engineRest("POST", "/task/" + taskId + "/assignee", "officerCpcjd", "{\"userId\": \"officerOhchr\"}")
			.status()).isEqualTo(403);
		assertThat(engineRest("DELETE", "/task/" + taskId, "officerCpcjd", null).status()).isEqualTo(403);
		assertThat(tasks.getVariables(taskId)).doesNotContainKey("comment");

		assertThat(engineRest("POST", "/task/" + taskId + "/claim", "officerCpcjd", "{\"userId\": \"officerCpcjd\"}")
			.status()).isEqualTo(204);
		assertThat(engineRest("POST", "/task/" + taskId + "/assignee", "officerCpcjd", "{\"userId\": \"officerOhchr\"}")
			.status()).as("not even the task's assignee reassigns it").isEqualTo(403);
		for (String thrown : List.of("/bpmnError", "/bpmnEscalation")) {
			TestHttp.Response ended = engineRest("POST", "/task/" + taskId + thrown, "officerCpcjd",
					"{\"errorCode\": \"x\", \"escalationCode\": \"x\", \"variables\": {\"comment\": {\"value\": \"thrown\"}}}");
			assertThat(ended.status()).as(thrown + " " + ended.body()).isEqualTo(400);
			assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task is still open").isEqualTo(1);
		}
		assertThat(tasks.getVariables(taskId)).doesNotContainKey("comment");

		// Tasklist's "Unclaim": the assignee hands the task back, and can claim it again
		assertThat(engineRest("POST", "/task/" + taskId + "/unclaim", "officerCpcjd", null).status()).isEqualTo(204);
		assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
		assertThat(engineRest("POST", "/task/" + taskId + "/claim", "officerCpcjd", "{\"userId\": \"officerCpcjd\"}")
			.status()).isEqualTo(204);
		assertThat(engineRest("POST", "/task/" + taskId + "/unclaim", "officerOhchr", null).status())
			.as("nobody else unclaims it").isIn(403, 404);
		TestHttp.Response completed = engineRest("POST", "/task/" + taskId + "/complete", "officerCpcjd",
				variables("comment", "Done").toString());
		assertThat(completed.status()).as(completed.body()).isEqualTo(204);
	}

	@Test
	void aTaskWhoseFormWasNeverDeployedIsTheEnginesFailureNotTheClients() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("BrokenFormProcess")
			.camundaHistoryTimeToLive(1)
			.startEvent("StartEvent_Broken")
			.userTask("Task_Broken")
			.name("Broken")
			.camundaFormRef("form-never-deployed")
			.camundaFormRefBinding("latest")
			.camundaCandidateGroups("PROGRAMME_OFFICER_CPCJD")
			.endEvent("EndEvent_Broken")
			.done();
		String deployment = repository.createDeployment()
			.name("broken form")
			.addModelInstance("BrokenFormProcess.bpmn", model)
			.deploy()
			.getId();
		try {
			String instance = runtime.startProcessInstanceByKey("BrokenFormProcess").getId();
			String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
			TestHttp.Response failed = engineRest("POST", "/task/" + taskId + "/complete", "officerCpcjd",
					variables("comment", "Fine").toString());
			assertThat(failed.status()).as(failed.body()).isEqualTo(500);
			assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
		}
		finally {
			repository.deleteDeployment(deployment, true);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theMigrationTurnsCandidatesUpdateOnTasksIntoTaskWork() throws Exception {
		String task = "migrated-" + UUID.randomUUID();
		Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		old.setGroupId("PROGRAMME_OFFICER_CPCJD");
		old.setResource(Resources.TASK);
		old.setResourceId(task);
		old.addPermission(Permissions.READ);
		old.addPermission(Permissions.UPDATE);
		authorizations.saveAuthorization(old);
		Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
		revoke.setUserId("officerCpcjd");
		revoke.setResource(Resources.TASK);
		revoke.setResourceId(task);
		revoke.removePermission(Permissions.ALL);
		authorizations.saveAuthorization(revoke);

		Map<String, Object> changeLog;
		try (var yaml = getClass().getResourceAsStream("/db/camunda/2026-12-02-task-grants-task-work.yaml")) {
			changeLog = new org.yaml.snakeyaml.Yaml().load(yaml);
		}
		Map<String, Object> changeSet = (Map<String, Object>) ((List<Map<String, Object>>) changeLog.get("databaseChangeLog"))
			.get(0)
			.get("changeSet");
		Map<String, Object> sql = (Map<String, Object>) ((List<Map<String, Object>>) changeSet.get("changes")).get(0)
			.get("sql");
		jdbc.sql((String) sql.get("sql")).update();

		Authorization migrated = authorizations.createAuthorizationQuery().authorizationId(old.getId()).singleResult();
		assertThat(migrated.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
		assertThat(migrated.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(migrated.isPermissionGranted(Permissions.UPDATE)).isFalse();
		assertThat(authorizations.createAuthorizationQuery().authorizationId(revoke.getId()).singleResult()
			.isPermissionRevoked(Permissions.ALL)).as("the four-eyes revoke stays").isTrue();
		jdbc.sql((String) sql.get("sql")).update();
		assertThat(authorizations.createAuthorizationQuery().authorizationId(old.getId()).singleResult().getPermissions(
				TaskPermissions.values())).as("a second run changes nothing")
			.containsExactlyInAnyOrder(migrated.getPermissions(TaskPermissions.values()));
	}

	private long pledge(TestHttp api) {
		ObjectNode pledge = json.createObjectNode();
		pledge.put("amount", "25000.00");
		pledge.put("currency", "USD");
		pledge.put("office", "CPCJD");
		TestHttp.Response created = api.sendWithHeaders("POST", "/api/pledges", "donorNorway",
				Map.of("Idempotency-Key", UUID.randomUUID().toString()), "application/json", pledge.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private Task pledgeTask(long pledgeId) {
		return tasks.createTaskQuery()
			.processDefinitionKey("DonorPledgeProcess")
			.processInstanceBusinessKey("pledge-" + pledgeId)
			.singleResult();
	}

}
