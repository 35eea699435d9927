package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user task worked the way Tasklist works it, through the engine's REST API as a programme officer:
 * the Camunda Form deployed from the bpmn folder, office-bound candidate groups, and text in any
 * script (emoji included) in the form's fields, comments and the business key, read back from
 * history. On MariaDB this is what the utf8mb4 changeset is for.
 */
@CoopflowTest
class TasklistRoundTripTests {

	static final String ANY_SCRIPT = "Ødegård 山田 Коваленко عربي हिन्दी ✅ 👍🏽 𝄞";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void formsAreDeployedBesideTheModels() {
		var resources = repository.createDeploymentQuery()
			.list()
			.stream()
			.flatMap(deployment -> repository.getDeploymentResourceNames(deployment.getId()).stream())
			.toList();
		assertThat(resources).anyMatch(name -> name.endsWith("FixtureReviewProcess.bpmn"))
			.anyMatch(name -> name.endsWith("fixture-review.form"));
	}

	@Test
	void officerWorksATaskWithTextInAnyScript() throws Exception {
		ProcessInstance instance = runtime.startProcessInstanceByKey("FixtureReviewProcess", "proposal " + ANY_SCRIPT,
				Map.of("candidateGroup", "PROGRAMME_OFFICER_CPCJD", "title", "Titre: " + ANY_SCRIPT));
		TestHttp api = TestHttp.api(port);

		JsonNode tasks = api.get("/engine-rest/task?processInstanceId=" + instance.getId(), "officerCpcjd").json();
		assertThat(tasks).hasSize(1);
		String taskId = tasks.get(0).path("id").asText();
		// the other office never sees it
		assertThat(api.get("/engine-rest/task?processInstanceId=" + instance.getId(), "officerOhchr").json()).isEmpty();
		assertThat(api.get("/engine-rest/task?processInstanceId=" + instance.getId(), "coordinatorCpcjd").json()).isEmpty();

		JsonNode form = api.get("/engine-rest/task/" + taskId + "/form", "officerCpcjd").json();
		assertThat(form.path("camundaFormRef").path("key").asText()).isEqualTo("fixture-review-form");
		TestHttp.Response deployedForm = api.get("/engine-rest/task/" + taskId + "/deployed-form", "officerCpcjd");
		assertThat(deployedForm.status()).isEqualTo(200);
		assertThat(deployedForm.body()).contains("Textarea_Comment");

		ObjectNode comment = json.createObjectNode().put("message", "Comment " + ANY_SCRIPT);
		TestHttp.Response commented = api.send("POST", "/engine-rest/task/" + taskId + "/comment/create", "officerCpcjd",
				"application/json", comment.toString());
		assertThat(commented.status()).as(commented.body()).isEqualTo(200);

		ObjectNode submission = json.createObjectNode();
		submission.putObject("variables").putObject("comment").put("value", "Approved ✅ " + ANY_SCRIPT).put("type", "String");
		TestHttp.Response submitted = api.send("POST", "/engine-rest/task/" + taskId + "/submit-form", "officerCpcjd",
				"application/json", submission.toString());
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);

		JsonNode variables = api.get("/engine-rest/history/variable-instance?processInstanceId=" + instance.getId(), "admin")
			.json();
		assertThat(variables).anyMatch(v -> v.path("name").asText().equals("comment")
				&& v.path("value").asText().equals("Approved ✅ " + ANY_SCRIPT));
		assertThat(variables).anyMatch(v -> v.path("name").asText().equals("title")
				&& v.path("value").asText().equals("Titre: " + ANY_SCRIPT));

		JsonNode comments = api.get("/engine-rest/task/" + taskId + "/comment", "admin").json();
		assertThat(comments).anyMatch(c -> c.path("message").asText().equals("Comment " + ANY_SCRIPT));

		JsonNode history = api.get("/engine-rest/history/process-instance/" + instance.getId(), "admin").json();
		assertThat(history.path("businessKey").asText()).isEqualTo("proposal " + ANY_SCRIPT);
		assertThat(history.path("state").asText()).isEqualTo("COMPLETED");
	}

	@Test
	void donorCannotUseTheEngineApiAtAll() {
		assertThat(TestHttp.api(port).get("/engine-rest/process-definition", "donorJapan").status()).isEqualTo(403);
	}

}
