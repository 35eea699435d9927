package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TasklistUser;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A proposal walked end to end the way the officers work it: submitted through coopflow's API, then
 * reviewed in Tasklist, through the same REST calls Tasklist's pages make (session sign-in, Camunda's
 * XSRF token, claim, the deployed Camunda Form, submit-form).
 */
@CoopflowTest
class FundingProposalTasklistTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void proposalGoesFromDraftThroughFourEyesReviewToFunded() {
		TestHttp api = TestHttp.api(port);
		ObjectNode draft = ProgrammeApiTests.draft(json, "Tasklist walk " + UUID.randomUUID().toString().substring(0, 8));
		long id = api.send("POST", "/api/programmes", "officerCpcjd", "application/json", draft.toString())
			.json()
			.path("id")
			.asLong();

		TestHttp.Response submitted = api.send("POST", "/api/programmes/" + id + "/submission", "officerCpcjd", null, null);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		assertThat(api.get("/api/programmes/" + id, "admin").json().path("status").asText()).isEqualTo("UNDER_REVIEW");
		assertThat(api.send("POST", "/api/programmes/" + id + "/submission", "officerCpcjd", null, null).status())
			.isEqualTo(409);

		// the other office never sees the task
		assertThat(new TasklistUser(port, "officerOhchr").tasksOf(id)).isEmpty();

		TasklistUser reviewer = new TasklistUser(port, "reviewerCpcjd");
		JsonNode task = reviewer.tasksOf(id).get(0);
		String taskId = task.path("id").asText();

		// four eyes: the submitter, of the same office, neither sees the review nor can take it
		TasklistUser submitter = new TasklistUser(port, "officerCpcjd");
		assertThat(submitter.tasksOf(id)).isEmpty();
		TestHttp.Response ownClaim = submitter.post("/task/" + taskId + "/claim", "{\"userId\": \"officerCpcjd\"}");
		assertThat(ownClaim.status()).as(ownClaim.body()).isEqualTo(403);

		assertThat(task.path("name").asText()).isEqualTo("Review proposal — " + draft.path("title").asText() + " (CPCJD)");
		assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Task_ReviewProposal");

		JsonNode form = reviewer.get("/task/" + taskId + "/form");
		assertThat(form.path("camundaFormRef").path("key").asText()).isEqualTo("review-proposal");
		TestHttp.Response deployedForm = reviewer.browser.browse(TasklistUser.TASKLIST_API + "/task/" + taskId + "/deployed-form");
		assertThat(deployedForm.status()).isEqualTo(200);
		assertThat(deployedForm.body()).contains("reviewDecision");
		JsonNode facts = reviewer.get("/task/" + taskId + "/form-variables");
		assertThat(facts.path("title").path("value").asText()).isEqualTo(draft.path("title").asText());
		assertThat(facts.path("budget").path("value").asText()).isEqualTo("USD 250,000");
		// the person, not their username
		assertThat(facts.path("submittedBy").path("value").asText()).isEqualTo("Amina Diallo");
		assertThat(facts.path("status").path("value").asText()).isEqualTo(ProgrammeStatus.UNDER_REVIEW.label());

		assertThat(reviewer.post("/task/" + taskId + "/claim", "{\"userId\": \"reviewerCpcjd\"}").status()).isEqualTo(204);
		ObjectNode decision = json.createObjectNode();
		ObjectNode variables = decision.putObject("variables");
		variables.putObject("reviewDecision").put("value", "APPROVE").put("type", "String");
		variables.putObject("reviewComment").put("value", "Sound plan; consistent with the Mandela Rules 👍").put("type",
				"String");
		TestHttp.Response completed = reviewer.post("/task/" + taskId + "/submit-form", decision.toString());
		assertThat(completed.status()).as(completed.body()).isEqualTo(204);

		assertThat(api.get("/api/programmes/" + id, "admin").json().path("status").asText()).isEqualTo("OPEN_FOR_FUNDING");
		assertThat(api.get("/api/programmes/" + id, "donorNorway").status()).isEqualTo(200);

		// the pledges module announces that committed funding reached the budget
		events.publishEvent(new FundingTargetReached(id));

		// the process goes on after the message as a job of its own ("Await funding" is asynchronous after)
		org.coopflow.Eventually.equals(() -> api.get("/api/programmes/" + id, "admin").json().path("status").asText(),
				"FUNDED");
		List<String> kinds = new java.util.ArrayList<>();
		api.get("/api/programmes/" + id + "/history", "coordinatorCpcjd").json().forEach(c -> kinds.add(c.path("kind").asText()));
		assertThat(kinds).containsSubsequence("CREATED", "SUBMITTED", "AWAITING_REVIEW", "OPENED_FOR_FUNDING", "FUNDED");
	}


	@Test
	void rewritingProcessVariablesCannotGetRoundFourEyesOrTheOffice() {
		TestHttp api = TestHttp.api(port);
		long id = api.send("POST", "/api/programmes", "officerCpcjd", "application/json",
				ProgrammeApiTests.draft(json, "Tampered " + UUID.randomUUID().toString().substring(0, 8)).toString())
			.json()
			.path("id")
			.asLong();
		assertThat(api.send("POST", "/api/programmes/" + id + "/submission", "officerCpcjd", null, null).status())
			.isEqualTo(201);

		TasklistUser reviewer = new TasklistUser(port, "reviewerCpcjd");
		String reviewId = reviewer.tasksOf(id).get(0).path("id").asText();
		assertThat(reviewer.post("/task/" + reviewId + "/claim", "{\"userId\": \"reviewerCpcjd\"}").status()).isEqualTo(204);
		ObjectNode returned = json.createObjectNode();
		returned.putObject("variables").putObject("reviewDecision").put("value", "RETURN");
		((ObjectNode) returned.path("variables")).putObject("reviewComment").put("value", "Add the interpretation costs");
		// the reviewer tries to hand the revision to someone else: a fact the task shows, not an answer
		ObjectNode handedOver = returned.deepCopy();
		((ObjectNode) handedOver.path("variables")).putObject("submittedBy").put("value", "officerOhchr");
		TestHttp.Response refused = reviewer.post("/task/" + reviewId + "/submit-form", handedOver.toString());
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("message").asText()).contains("submittedBy");
		assertThat(reviewer.post("/task/" + reviewId + "/submit-form", returned.toString()).status()).isEqualTo(204);

		assertThat(new TasklistUser(port, "officerOhchr").tasksOf(id)).isEmpty();
		TasklistUser submitter = new TasklistUser(port, "officerCpcjd");
		JsonNode revise = submitter.tasksOf(id).get(0);
		assertThat(revise.path("taskDefinitionKey").asText()).isEqualTo("Task_ReviseProposal");
		assertThat(revise.path("assignee").asText()).isEqualTo("officerCpcjd");

		// the submitter resubmits, claiming to be the reviewer and moving the proposal to the other office
		ObjectNode resubmitted = json.createObjectNode();
		ObjectNode variables = resubmitted.putObject("variables");
		variables.putObject("submittedBy").put("value", "reviewerCpcjd");
		variables.putObject("office").put("value", "OHCHR");
		TestHttp.Response forged = submitter.post("/task/" + revise.path("id").asText() + "/submit-form",
				resubmitted.toString());
		assertThat(forged.status()).as(forged.body()).isEqualTo(400);
		assertThat(forged.json().path("message").asText()).contains("submittedBy").contains("office");
		TestHttp.Response done = submitter.post("/task/" + revise.path("id").asText() + "/submit-form",
				"{\"variables\": {}}");
		assertThat(done.status()).as(done.body()).isEqualTo(204);

		assertThat(submitter.tasksOf(id)).as("the submitter still cannot see the review").isEmpty();
		assertThat(new TasklistUser(port, "officerOhchr").tasksOf(id)).as("the other office still cannot").isEmpty();
		assertThat(new TasklistUser(port, "reviewerCpcjd").tasksOf(id)).hasSize(1);
		List<String> submitters = new java.util.ArrayList<>();
		api.get("/api/programmes/" + id + "/history", "admin").json().forEach(change -> {
			if (change.path("kind").asText().equals("SUBMITTED")) {
				submitters.add(change.path("changedBy").asText());
			}
		});
		assertThat(submitters).containsExactly("officerCpcjd", "officerCpcjd");
	}

	@Test
	void aLongDescriptionCanBeSubmittedAndIsShownShortened() {
		TestHttp api = TestHttp.api(port);
		ObjectNode draft = ProgrammeApiTests.draft(json, "Long " + UUID.randomUUID().toString().substring(0, 8));
		draft.put("description", "Ü".repeat(12000));
		long id = api.send("POST", "/api/programmes", "officerOhchr", "application/json", draft.toString())
			.json()
			.path("id")
			.asLong();
		TestHttp.Response submitted = api.send("POST", "/api/programmes/" + id + "/submission", "officerOhchr", null, null);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		TasklistUser reviewer = new TasklistUser(port, "reviewerOhchr");
		String taskId = reviewer.tasksOf(id).get(0).path("id").asText();
		String shown = reviewer.get("/task/" + taskId + "/form-variables").path("description").path("value").asText();
		// read from the record when the form opens, never stored in Camunda's 4,000-character text column
		assertThat(shown).isEqualTo("Ü".repeat(12000));
		assertThat(api.get("/api/programmes/" + id, "admin").json().path("description").asText()).hasSize(12000);
	}

}
