package org.coopflow.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.programmes.ProgrammeFixtures;

/**
 * Funded programmes to implement: created, submitted and approved through the funding proposal process
 * ({@link ProgrammeFixtures}), funded by a donor's pledge that is agreed and paid through the API, and
 * marked FUNDED by that process once the pledges cover the budget, which starts the implementation.
 */
public final class ImplementationFixtures {

	private static final String OFFICER = "officerCpcjd";

	private static final String REVIEWER = "reviewerCpcjd";

	private final TestHttp api;

	private final PledgeFixtures pledges;

	private final ProgrammeFixtures programmes;

	public ImplementationFixtures(TestHttp api) {
		this.api = api;
		this.pledges = new PledgeFixtures(api);
		this.programmes = pledges.programmes();
	}

	public PledgeFixtures pledges() {
		return pledges;
	}

	/** A CPCJD programme open for funding, with every activity type, approved through its process. */
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
		return programmes.open("officerCpcjd", draft);
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
		return pledges.agreed(donor, PledgeFixtures.toProgramme(amount, currency, programmeId), paid);
	}

	/** After pledges that cover the budget were agreed: the funding proposal process marks the programme FUNDED. */
	public void markFunded(long programmeId) {
		programmes.awaitFunded(programmeId);
	}

	/**
	 * A progress report as the implementation process asks for it: "Plan activities" completed if still
	 * open, the reporting period over (its timer fired now), and the report submitted by officerCpcjd;
	 * then accepted by reviewerCpcjd, or left SUBMITTED for review when {@code accepted} is false.
	 */
	public void progressReport(long programmeId, String summary, boolean accepted) {
		String instance = implementation(programmeId);
		for (JsonNode plan : tasks(instance, ImplementationProcess.Tasks.PLAN_ACTIVITIES, OFFICER)) {
			complete(plan, OFFICER, PledgeFixtures.JSON.createObjectNode());
		}
		fire(instance, "Timer_ProgressReportDue");
		ObjectNode report = PledgeFixtures.JSON.createObjectNode();
		report.putObject(ImplementationProcess.Typed.REPORT_SUMMARY.name()).put("value", summary);
		complete(single(instance, ImplementationProcess.Tasks.SUBMIT_PROGRESS_REPORT, OFFICER), OFFICER, report);
		if (accepted) {
			ObjectNode review = PledgeFixtures.JSON.createObjectNode();
			review.putObject(ImplementationProcess.Variables.REPORT_ACCEPTED).put("value", true).put("type", "Boolean");
			complete(single(instance, ImplementationProcess.Tasks.REVIEW_PROGRESS_REPORT, REVIEWER), REVIEWER, review);
		}
	}

	/** Every activity completed by officerCpcjd as the process asks: the final report is then DUE. */
	public void completeActivities(long programmeId) {
		String instance = implementation(programmeId);
		for (JsonNode plan : tasks(instance, ImplementationProcess.Tasks.PLAN_ACTIVITIES, OFFICER)) {
			complete(plan, OFFICER, PledgeFixtures.JSON.createObjectNode());
		}
		for (JsonNode task : tasks(instance, ImplementationProcess.Tasks.COMPLETE_ACTIVITY, OFFICER)) {
			ObjectNode dates = PledgeFixtures.JSON.createObjectNode();
			dates.putObject("actualStart").put("value", PledgeFixtures.today().minusDays(10).toString());
			dates.putObject("actualEnd").put("value", PledgeFixtures.today().toString());
			complete(task, OFFICER, dates);
		}
		assertThat(tasks(instance, ImplementationProcess.Tasks.SUBMIT_FINAL_REPORT, OFFICER)).hasSize(1);
	}

	private String implementation(long programmeId) {
		JsonNode instances = engine("GET", "/process-instance?businessKey=" + ImplementationProcess.businessKey(programmeId),
				"admin", null);
		assertThat(instances).as("the implementation of programme " + programmeId).hasSize(1);
		return instances.get(0).path("id").asText();
	}

	private JsonNode tasks(String instance, String key, String user) {
		return engine("GET", "/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key, user, null);
	}

	private JsonNode single(String instance, String key, String user) {
		JsonNode found = tasks(instance, key, user);
		assertThat(found).as(key + " that " + user + " sees").hasSize(1);
		return found.get(0);
	}

	/** Claims the task as the user, as Tasklist does, and completes it with the answers. */
	private void complete(JsonNode task, String user, ObjectNode variables) {
		String id = task.path("id").asText();
		engine("POST", "/task/" + id + "/claim", user, "{\"userId\": \"" + user + "\"}");
		ObjectNode body = PledgeFixtures.JSON.createObjectNode();
		body.set("variables", variables);
		engine("POST", "/task/" + id + "/complete", user, body.toString());
	}

	/** Runs the timer now, as Cockpit's "execute job" does, whatever its due date. */
	private void fire(String instance, String timer) {
		JsonNode jobs = engine("GET", "/job?processInstanceId=" + instance + "&activityId=" + timer, "admin", null);
		assertThat(jobs).as(timer).hasSize(1);
		engine("POST", "/job/" + jobs.get(0).path("id").asText() + "/execute", "admin", null);
	}

	private JsonNode engine(String method, String path, String user, String body) {
		TestHttp.Response response = api.send(method, "/engine-rest" + path, user, body == null ? null : "application/json",
				body);
		assertThat(response.status()).as(method + " " + path + " as " + user + ": " + response.body()).isBetween(200, 204);
		return response.body().isEmpty() ? null : response.json();
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
