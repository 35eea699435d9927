package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.Eventually;
import org.coopflow.TestHttp;

/**
 * Programmes in a given state for the tests of every module, reached the way people reach it: an officer
 * drafts and submits through the API, and a reviewer of the office completes "Review proposal" through
 * the engine's REST API, so the funding proposal process runs its own steps (screening, opening for
 * funding) and waits where it would. Drafts should keep a period of their own
 * ({@link org.coopflow.TestPortfolio#apart}), or screening may find an overlap and send the proposal to
 * the coordinators instead.
 */
public final class ProgrammeFixtures {

	public static final ObjectMapper JSON = new ObjectMapper();

	private final TestHttp api;

	public ProgrammeFixtures(TestHttp api) {
		this.api = api;
	}

	/** A valid draft body: prison reform in KE and UG, USD 250,000, in a period of its own. */
	public static ObjectNode draft(String title) {
		return ProgrammeApiTests.draft(JSON, title);
	}

	/** The draft created by the officer; its id. */
	public long create(String officer, ObjectNode draft) {
		TestHttp.Response created = api.send("POST", "/api/programmes", officer, "application/json", draft.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	/** Submits the draft, which starts its funding proposal process. */
	public void submit(long programmeId, String officer) {
		TestHttp.Response submitted = api.send("POST", "/api/programmes/" + programmeId + "/submission", officer, null,
				null);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
	}

	/** The officer renames the draft (or the proposal returned for revision), sending the version read. */
	public void rename(long programmeId, String officer, String title) {
		ObjectNode draft = ((ObjectNode) get(programmeId)).retain("office", "title", "description", "scope", "countries",
				"standards", "activityTypes", "sectors", "beneficiaryInstitution", "implementingPartner", "plannedStart",
				"plannedEnd", "budget", "fundingDeadlineDays", "reviewNotes", "version");
		draft.put("title", title);
		TestHttp.Response renamed = api.send("PUT", "/api/programmes/" + programmeId, officer, "application/json",
				draft.toString());
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
	}

	/** The officer's draft submitted and approved by the office's reviewer: OPEN_FOR_FUNDING. */
	public void approve(long programmeId, String officer) {
		submit(programmeId, officer);
		review(programmeId, reviewerOf(officer), "APPROVE", null);
		assertThat(status(programmeId)).isEqualTo("OPEN_FOR_FUNDING");
	}

	/** Created, submitted and approved by {@link #reviewerOf the office's reviewer}: OPEN_FOR_FUNDING. */
	public long open(String officer, ObjectNode draft) {
		long id = create(officer, draft);
		approve(id, officer);
		return id;
	}

	/** Created, submitted and rejected by the office's reviewer: REJECTED. */
	public long rejected(String officer, ObjectNode draft) {
		long id = create(officer, draft);
		submit(id, officer);
		review(id, reviewerOf(officer), "REJECT", "Outside the office's mandate");
		assertThat(status(id)).isEqualTo("REJECTED");
		return id;
	}

	/** Completes the programme's "Review proposal" as the reviewer, who claims it first as in Tasklist. */
	public void review(long programmeId, String reviewer, String decision, String comment) {
		TestHttp.Response found = api.send("GET", "/engine-rest/task?taskDefinitionKey="
				+ FundingProposalProcess.Elements.TASK_REVIEW_PROPOSAL + "&processInstanceBusinessKey="
				+ FundingProposalProcess.businessKey(programmeId), reviewer, null, null);
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		assertThat(found.json()).as("the review task of programme " + programmeId + " that " + reviewer + " sees")
			.hasSize(1);
		String taskId = found.json().get(0).path("id").asText();
		TestHttp.Response claimed = api.send("POST", "/engine-rest/task/" + taskId + "/claim", reviewer,
				"application/json", "{\"userId\": \"" + reviewer + "\"}");
		assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
		ObjectNode answers = JSON.createObjectNode();
		ObjectNode variables = answers.putObject("variables");
		variables.putObject(FundingProposalProcess.Variables.REVIEW_DECISION).put("value", decision);
		if (comment != null) {
			variables.putObject(FundingProposalProcess.Variables.REVIEW_COMMENT).put("value", comment);
		}
		TestHttp.Response completed = api.send("POST", "/engine-rest/task/" + taskId + "/complete", reviewer,
				"application/json", answers.toString());
		assertThat(completed.status()).as(completed.body()).isEqualTo(204);
	}

	/**
	 * Once committed funding covers the budget, the process goes on past "Await funding" in a job of its own
	 * and marks the programme FUNDED, which starts its implementation. Runs that job now, as Cockpit's
	 * "retry" would, in case the test paused the job executor (if the executor got there first, the job is
	 * gone or locked and the call changes nothing), and waits until the programme is FUNDED.
	 */
	public void awaitFunded(long programmeId) {
		TestHttp.Response instances = api.send("GET", "/engine-rest/process-instance?processDefinitionKey="
				+ FundingProposalProcess.PROCESS_KEY + "&businessKey=" + FundingProposalProcess.businessKey(programmeId),
				"admin", null, null);
		assertThat(instances.status()).as(instances.body()).isEqualTo(200);
		for (JsonNode instance : instances.json()) {
			TestHttp.Response jobs = api.send("GET", "/engine-rest/job?messages=true&processInstanceId="
					+ instance.path("id").asText(), "admin", null, null);
			assertThat(jobs.status()).as(jobs.body()).isEqualTo(200);
			for (JsonNode job : jobs.json()) {
				api.send("POST", "/engine-rest/job/" + job.path("id").asText() + "/execute", "admin", null, null);
			}
		}
		Eventually.equals(() -> status(programmeId), "FUNDED");
	}

	public String status(long programmeId) {
		return get(programmeId).path("status").asText();
	}

	public JsonNode get(long programmeId) {
		TestHttp.Response programme = api.get("/api/programmes/" + programmeId, "admin");
		assertThat(programme.status()).as(programme.body()).isEqualTo(200);
		return programme.json();
	}

	/** The demo reviewer of the officer's office: the four-eyes principle keeps the submitter off the review. */
	public static String reviewerOf(String officer) {
		return switch (officer) {
			case "officerCpcjd" -> "reviewerCpcjd";
			case "officerOhchr" -> "reviewerOhchr";
			default -> throw new IllegalArgumentException("No demo reviewer for " + officer);
		};
	}

}
