package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.coopflow.activities.ImplementationFixtures;
import org.coopflow.overlap.TestAlertsAccess;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.programmes.WorkingDays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What Tasklist's list shows of each process's tasks: a name saying what the task is about, a
 * description, a due date by the rule docs/tasklist.md states (the reminder timer where the model has one)
 * and a follow-up date when the model escalates; the shared filters each role reads; officers' own
 * filters; nothing to start.
 */
@CoopflowTest
class TaskGuideTests {

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	FilterService filters;

	@Autowired
	IdentityService identity;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	private Task only(String businessKey) {
		List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list();
		assertThat(open).as(businessKey).hasSize(1);
		return open.get(0);
	}

	private Date timer(Task task, String timerId) {
		Job job = management.createJobQuery().processInstanceId(task.getProcessInstanceId()).activityId(timerId).singleResult();
		assertThat(job).as(timerId).isNotNull();
		return job.getDuedate();
	}

	private long submittedProposal(TestHttp api, String officer, String title) {
		ObjectNode draft = PledgeFixtures.JSON.createObjectNode();
		draft.put("title", title);
		draft.put("description", "Training prison staff on the Nelson Mandela Rules");
		draft.putArray("countries").add("MW");
		draft.putArray("standards").add("SMR-PRISONERS");
		draft.putArray("activityTypes").add("TRAINING");
		draft.putArray("sectors").add("15130");
		TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", "120000.00").put("currency", "USD");
		TestHttp.Response created = api.send("POST", "/api/programmes", officer, "application/json", draft.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		TestHttp.Response submitted = api.send("POST", "/api/programmes/" + id + "/submission", officer, null, null);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		return id;
	}

	@Test
	void aPledgeToVerifyIsNamedAfterItsDonorAmountAndOfficeAndDueInFiveWorkingDays() {
		TestHttp api = TestHttp.api(port);
		PledgeFixtures fixtures = new PledgeFixtures(api);
		fixtures.rate("NOK", "10.850000");
		JsonNode pledge = fixtures.create("donorNorway", PledgeFixtures.pledge("100000", "NOK"));
		Task verify = only("pledge-" + pledge.path("id").asLong());

		assertThat(verify.getName()).isEqualTo("Verify pledge — Norway, NOK 100,000 to CPCJD");
		assertThat(verify.getDescription()).startsWith("Norway pledged NOK 100,000 to CPCJD, not earmarked")
			.contains("Check with the Member State's mission");
		Instant announced = Instant.parse(pledge.path("announcedAt").asText());
		ZoneId zone = workingDays.zone();
		assertThat(verify.getDueDate()).isEqualTo(Date.from(workingDays.add(announced.atZone(zone), 5).toInstant()));
		assertThat(verify.getFollowUpDate()).as("no reminder, no follow-up").isNull();
	}

	@Test
	void aProposalToReviewIsDueWhenTheReminderGoesOutAndFollowedUpWhenItIsEscalated() {
		String title = "Prison training in Malawi " + UUID.randomUUID().toString().substring(0, 8);
		long id = submittedProposal(TestHttp.api(port), "officerCpcjd", title);
		Task review = only("programme-" + id);

		assertThat(review.getName()).isEqualTo("Review proposal — " + title + " (CPCJD)");
		assertThat(review.getDescription()).startsWith("CPCJD's proposal \"" + title + "\" for Malawi, budget USD 120,000")
			.contains("approve it for funding, return it for revision with a comment, or reject it");
		assertThat(review.getDueDate()).isCloseTo(timer(review, "Timer_ReviewProposalReminder"), 5_000);
		assertThat(review.getFollowUpDate()).isCloseTo(timer(review, "Timer_ReviewProposalEscalation"), 5_000);
	}

	@Test
	void anOverlapAlertsReviewNamesBothProgrammesAndFollowsTheReviewsTimers() {
		String cpcjdTitle = "Prison training in Malawi " + UUID.randomUUID().toString().substring(0, 8);
		String ohchrTitle = "Prison reform in Malawi " + UUID.randomUUID().toString().substring(0, 8);
		long alertId = TestAlertsAccess.raiseBetweenOffices(port, context, cpcjdTitle, ohchrTitle, "MW", "SMR-PRISONERS");
		List<Task> reviews = tasks.createTaskQuery().processInstanceBusinessKey("alert-" + alertId).list();

		assertThat(reviews).hasSize(2).allSatisfy(review -> {
			assertThat(review.getName()).isEqualTo("Review overlap: " + cpcjdTitle + " (CPCJD) × " + ohchrTitle + " (OHCHR)");
			assertThat(review.getDescription()).startsWith("Overlap alert " + alertId + ": ")
				.contains("both in Malawi")
				.contains("propose what the offices should do");
			assertThat(review.getDueDate()).isCloseTo(timer(review, "Timer_ReviewReminder"), 5_000);
			assertThat(review.getFollowUpDate()).isCloseTo(timer(review, "Timer_ReviewEscalation"), 5_000);
		});
	}

	@Test
	void aFundedProgrammesPlanningIsNamedAfterItAndDueInTenWorkingDays() {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port));
		// MySQL and MariaDB keep a task's due date to the second (MariaDB cuts the fraction, MySQL rounds it)
		Date before = Date.from(workingDays.after(10).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		long programmeId = fixtures.fundedProgramme("30000.00", "donorJapan", "0");
		Date after = Date.from(workingDays.after(10).toInstant().plusSeconds(1));
		Task plan = only("implementation-" + programmeId);
		String title = fixtures.pledges().programmes().get(programmeId).path("title").asText();

		assertThat(plan.getName()).isEqualTo("Plan activities — " + title);
		assertThat(plan.getDescription()).startsWith("CPCJD's programme \"" + title + "\" (programme " + programmeId
				+ ") is funded. Plan its activities in coopflow");
		assertThat(plan.getDueDate()).isBetween(before, after, true, true);
		assertThat(plan.getFollowUpDate()).isNull();
	}

	@Test
	void aTitleTooLongForCamundasNameColumnIsShortenedAtAWord() {
		String name = TaskGuide.shortened("Review proposal — " + "Training of prison staff ".repeat(20), 255);
		assertThat(name).hasSizeLessThanOrEqualTo(255).endsWith("…").doesNotContain("staff…");
		assertThat(TaskGuide.shortened("  Short   title ", 255)).isEqualTo("Short title");
	}

	@Test
	void sharedFiltersAreKeptWithTheirQueriesAndEachRoleReadsItsOwn() {
		assertThat(filters.createTaskFilterQuery().list().stream().filter(f -> f.getOwner() == null).map(Filter::getName))
			.contains("My tasks", "My office's unclaimed tasks", "Overdue", "Due this week", "Pledges to verify",
					"Proposals to review", "Overlap alerts to review", "Reports to review");
		assertThat(query("My tasks")).contains("\"taskAssigneeExpression\":\"${currentUser()}\"");
		assertThat(query("My office's unclaimed tasks")).contains("\":\"${currentUserGroups()}\"").contains("\"unassigned\":true");
		assertThat(query("Overdue")).contains("\":\"${now()}\"").contains("dueBefore");
		assertThat(query("Proposals to review")).contains("\"processDefinitionKey\":\"FundingProposalProcess\"")
			.contains("Task_ReviewProposal")
			.contains("DUE_DATE_");
		assertThat(shared("Overdue").getProperties()).containsEntry("refresh", true);

		assertThat(visible("officerCpcjd", "PROGRAMME_OFFICER", "PROGRAMME_OFFICER_CPCJD")).contains("Pledges to verify",
				"Proposals to review", "Reports to review", "My tasks").doesNotContain("Overlap alerts to review", "All tasks");
		assertThat(visible("coordinatorOhchr", "COORDINATOR", "COORDINATOR_OHCHR")).contains("Overlap alerts to review",
				"My tasks").doesNotContain("Pledges to verify");
		// every stored query runs, its expressions included (Tasklist counts each filter)
		for (String name : List.of("My tasks", "My office's unclaimed tasks", "Overdue", "Due this week")) {
			assertThat(listedAs("officerCpcjd", name, "PROGRAMME_OFFICER", "PROGRAMME_OFFICER_CPCJD")).as(name).isNotNull();
		}
	}

	@Test
	void proposalsToReviewListsTheReviewersOwnOfficesProposalsByTheirNames() {
		TestHttp api = TestHttp.api(port);
		String cpcjdTitle = "Juvenile justice in Malawi " + UUID.randomUUID().toString().substring(0, 8);
		String ohchrTitle = "Detention monitoring in Malawi " + UUID.randomUUID().toString().substring(0, 8);
		submittedProposal(api, "officerCpcjd", cpcjdTitle);
		submittedProposal(api, "officerOhchr", ohchrTitle);

		List<String> listed = listedAs("reviewerCpcjd", "Proposals to review", "PROGRAMME_OFFICER",
				"PROGRAMME_OFFICER_CPCJD");
		assertThat(listed).contains("Review proposal — " + cpcjdTitle + " (CPCJD)")
			.noneMatch(name -> name.contains(ohchrTitle));
		// four eyes: the officer who submitted it does not find it there
		assertThat(listedAs("officerCpcjd", "Proposals to review", "PROGRAMME_OFFICER", "PROGRAMME_OFFICER_CPCJD"))
			.noneMatch(name -> name.contains(cpcjdTitle));
	}

	@Test
	void anOfficerKeepsAFilterOfTheirOwnThatNoOneElseReads() {
		TestHttp api = TestHttp.api(port);
		TestHttp.Response created = api.send("POST", "/engine-rest/filter/create", "officerCpcjd", "application/json", """
				{"resourceType": "Task", "name": "My Malawi work", "owner": "officerCpcjd",
				 "query": {"processInstanceBusinessKeyLike": "programme-%"}, "properties": {"priority": 5}}""");
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		String id = created.json().path("id").asText();

		assertThat(api.get("/engine-rest/filter/" + id, "officerCpcjd").status()).isEqualTo(200);
		assertThat(api.get("/engine-rest/filter/" + id, "officerOhchr").status()).isEqualTo(403);
		assertThat(api.get("/engine-rest/filter?resourceType=Task", "officerOhchr").body()).doesNotContain("My Malawi work");
	}

	@Test
	void noProcessIsStartableInTasklist() {
		TestHttp.Response startable = TestHttp.api(port)
			.get("/engine-rest/process-definition?startableInTasklist=true&latestVersion=true", "officerCpcjd");
		assertThat(startable.status()).isEqualTo(200);
		assertThat(startable.json()).isEmpty();
		TestHttp.Response all = TestHttp.api(port).get("/engine-rest/process-definition?latestVersion=true", "officerCpcjd");
		assertThat(all.json()).as("the officer reads the definitions, none startable").hasSizeGreaterThanOrEqualTo(4);
	}

	private Filter shared(String name) {
		return filters.createTaskFilterQuery()
			.filterName(name)
			.list()
			.stream()
			.filter(f -> f.getOwner() == null)
			.findFirst()
			.orElseThrow();
	}

	private String query(String name) {
		return ((FilterEntity) shared(name)).getQueryInternal();
	}

	private List<String> visible(String user, String... groups) {
		identity.setAuthentication(user, List.of(groups));
		try {
			return filters.createTaskFilterQuery().list().stream().map(Filter::getName).toList();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private List<String> listedAs(String user, String filterName, String... groups) {
		String filterId = shared(filterName).getId();
		identity.setAuthentication(user, List.of(groups));
		try {
			List<Task> listed = filters.list(filterId);
			assertThat(filters.count(filterId)).isEqualTo(listed.size());
			return listed.stream().map(Task::getName).toList();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
