package org.coopflow.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.workflow.CoversProcess;
import org.coopflow.programmes.ProgrammeCancelled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of the donor pledge process, driven as donors and officers drive it (the API, Tasklist's
 * task completion), on the real engine and database. Timers are fired by executing their jobs, so
 * the job executor never races the test. Together the tests pass every element and flow of the model;
 * the process test coverage library fails the class otherwise ({@link CoversProcess}).
 */
@CoopflowTest
@CoversProcess(DonorPledgeProcess.PROCESS_KEY)
class DonorPledgeProcessTests {


	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ApplicationEventPublisher events;

	PledgeFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new PledgeFixtures(TestHttp.api(port));
	}

	private String instanceOf(long pledgeId) {
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(DonorPledgeProcess.PROCESS_KEY)
			.processInstanceBusinessKey(DonorPledgeProcess.businessKey(pledgeId))
			.singleResult();
		assertThat(instance).as("process of pledge " + pledgeId).isNotNull();
		return instance.getId();
	}

	private List<String> openTasks(long pledgeId) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(DonorPledgeProcess.businessKey(pledgeId))
			.list()
			.stream()
			.map(Task::getTaskDefinitionKey)
			.sorted()
			.toList();
	}

	private Job timer(String processInstanceId, String activityId) {
		List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).list();
		assertThat(jobs).as("timer " + activityId).isNotEmpty();
		return jobs.get(0);
	}

	private Set<String> passed(String processInstanceId) {
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.collect(Collectors.toSet());
	}

	private String endOf(String processInstanceId) {
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		return instance.getEndActivityId();
	}

	private BigDecimal funding(long programmeId, String field) {
		return fixtures.step("GET", "/api/programmes/" + programmeId + "/funding", "officerCpcjd", null, 200)
			.path(field)
			.decimalValue();
	}

	@Test
	void aPledgeToAProgrammeIsVerifiedAgreedAllocatedAndPaidInTwoInstalments() {
		long programmeId = fixtures.openProgramme("officerCpcjd", "100000.00", "USD");
		var request = PledgeFixtures.toProgramme("100000", "USD", programmeId);
		var instalments = request.putArray("instalments");
		instalments.addObject().put("dueDate", PledgeFixtures.today().plusMonths(2).toString()).put("amount", "60000");
		instalments.addObject().put("dueDate", PledgeFixtures.today().plusMonths(8).toString()).put("amount", "40000");
		long id = fixtures.create("donorNorway", request).path("id").asLong();
		String instance = instanceOf(id);
		assertThat(openTasks(id)).containsExactly(DonorPledgeProcess.Tasks.VERIFY_PLEDGE);
		assertThat(funding(programmeId, "pledged")).isEqualByComparingTo("100000");

		fixtures.verify(id);
		assertThat(openTasks(id)).containsExactly(DonorPledgeProcess.Tasks.CONCLUDE_AGREEMENT);
		JsonNode agreed = fixtures.agree(id);
		// earmarked to the programme: allocated without an officer's task, and the budget is reached
		assertThat(agreed.path("status").asText()).isEqualTo("COMMITTED");
		assertThat(agreed.path("allocatedProgrammeId").asLong()).isEqualTo(programmeId);
		assertThat(funding(programmeId, "committed")).isEqualByComparingTo("100000");
		assertThat(funding(programmeId, "pledged")).isEqualByComparingTo("0");
		assertThat(openTasks(id)).isEmpty();
		assertThat(management.createJobQuery().processInstanceId(instance).activityId("Event_DueDateNear").count())
			.isEqualTo(2);

		JsonNode reported = fixtures.pay(id, "donorNorway", "60000");
		assertThat(reported.path("receivedAmount").decimalValue()).isEqualByComparingTo("0");
		assertThat(openTasks(id)).containsExactly(DonorPledgeProcess.Tasks.CONFIRM_RECEIPT);
		JsonNode partly = fixtures.confirm(id, PledgeFixtures.lastPaymentId(reported));
		assertThat(partly.path("status").asText()).isEqualTo("PARTIALLY_PAID");
		assertThat(partly.path("instalments").get(0).path("paidAmount").decimalValue()).isEqualByComparingTo("60000");
		assertThat(funding(programmeId, "received")).isEqualByComparingTo("60000");

		// the first instalment is paid: its reminder timer fires but nobody is reminded
		management.executeJob(timer(instance, "Event_DueDateNear").getId());

		JsonNode rest = fixtures.pay(id, "donorNorway", "40000");
		JsonNode paid = fixtures.confirm(id, PledgeFixtures.lastPaymentId(rest));
		assertThat(paid.path("status").asText()).isEqualTo("PAID");
		assertThat(funding(programmeId, "received")).isEqualByComparingTo("100000");
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
		assertThat(endOf(instance)).isEqualTo("EndEvent_PledgePaid");
		assertThat(management.createJobQuery().processInstanceId(instance).count()).as("reminders cancelled").isZero();
	}

	@Test
	void anUnearmarkedPledgeWaitsForAnOfficerToAllocateIt() {
		long programmeId = fixtures.openProgramme("officerCpcjd", "500000.00", "USD");
		long id = fixtures.create("donorJapan", PledgeFixtures.pledge("20000", "USD")).path("id").asLong();
		String instance = instanceOf(id);
		fixtures.verify(id);
		fixtures.agree(id);
		assertThat(openTasks(id)).containsExactly(DonorPledgeProcess.Tasks.ALLOCATE_FUNDS);
		// a payment can be reported and confirmed while the allocation is still open
		JsonNode reported = fixtures.pay(id, "donorJapan", "5000");
		assertThat(openTasks(id)).containsExactly(DonorPledgeProcess.Tasks.ALLOCATE_FUNDS,
				DonorPledgeProcess.Tasks.CONFIRM_RECEIPT);
		fixtures.confirm(id, PledgeFixtures.lastPaymentId(reported));

		fixtures.step("PUT", "/api/pledges/" + id + "/allocation", "officerCpcjd", "{\"programmeId\": " + programmeId + "}",
				200);
		assertThat(funding(programmeId, "committed")).isEqualByComparingTo("20000");
		assertThat(funding(programmeId, "received")).as("what arrived before the allocation counts").isEqualByComparingTo("5000");
		assertThat(passed(instance)).contains("Task_AllocateFunds", "Task_RecordAllocation");

		// the officer cancels the rest; the allocation is released
		fixtures.step("PUT", "/api/pledges/" + id + "/cancellation", "officerCpcjd", "{\"reason\": \"Donor budget cut\"}", 200);
		assertThat(funding(programmeId, "committed")).isEqualByComparingTo("0");
		assertThat(funding(programmeId, "received")).isEqualByComparingTo("0");
		assertThat(endOf(instance)).as("ended by the event sub-process").isEqualTo("SubProcess_PledgeClosed");
	}

	@Test
	void aDeclinedPledgeIsCancelledWithTheOfficersReason() {
		long id = fixtures.create("donorNorway", PledgeFixtures.pledge("1000", "USD")).path("id").asLong();
		String instance = instanceOf(id);
		fixtures.step("PUT", "/api/pledges/" + id + "/verification", "officerCpcjd", "{\"verified\": false}", 400);
		assertThat(openTasks(id)).containsExactly(DonorPledgeProcess.Tasks.VERIFY_PLEDGE);
		JsonNode declined = fixtures.step("PUT", "/api/pledges/" + id + "/verification", "officerCpcjd",
				"{\"verified\": false, \"note\": \"The mission does not confirm this pledge\"}", 200);
		assertThat(declined.path("status").asText()).isEqualTo("CANCELLED");
		assertThat(declined.path("closedReason").asText()).contains("does not confirm");
		assertThat(endOf(instance)).isEqualTo("EndEvent_PledgeDeclined");
	}

	@Test
	void aPledgeWithoutAgreementLapsesAtTheLapseDate() {
		long id = fixtures.create("donorNorway", PledgeFixtures.pledge("1000", "USD")).path("id").asLong();
		String instance = instanceOf(id);
		fixtures.verify(id);
		Job lapse = timer(instance, "BoundaryEvent_LapseDateReached");
		assertThat(lapse.getDuedate().toInstant().toString())
			.startsWith(PledgeFixtures.today().plusDays(PledgeRequestCheck.DEFAULT_LAPSE_DAYS + 1).toString());
		management.executeJob(lapse.getId());
		JsonNode lapsed = fixtures.step("GET", "/api/pledges/" + id, "donorNorway", null, 200);
		assertThat(lapsed.path("status").asText()).isEqualTo("LAPSED");
		assertThat(endOf(instance)).isEqualTo("EndEvent_PledgeLapsed");
	}

	@Test
	void aWithdrawnPledgeEndsItsProcess() {
		long id = fixtures.create("donorNorway", PledgeFixtures.pledge("1000", "USD")).path("id").asLong();
		String instance = instanceOf(id);
		JsonNode withdrawn = fixtures.step("PUT", "/api/pledges/" + id + "/withdrawal", "donorNorway",
				"{\"reason\": \"Parliament did not approve\"}", 200);
		assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
		assertThat(endOf(instance)).isEqualTo("SubProcess_PledgeClosed");
		assertThat(passed(instance)).contains("StartEvent_PledgeClosed", "EndEvent_PledgeClosed");
	}

	@Test
	void instalmentsAreRemindedBeforeAndAfterTheirDueDateUntilPaid() {
		var request = PledgeFixtures.pledge("3000", "USD");
		request.putArray("instalments").addObject().put("dueDate", PledgeFixtures.today().plusDays(30).toString())
			.put("amount", "3000");
		long id = fixtures.create("donorNorway", request).path("id").asLong();
		String instance = instanceOf(id);
		fixtures.verify(id);
		fixtures.agree(id);
		Job near = timer(instance, "Event_DueDateNear");
		assertThat(near.getDuedate().toInstant().toString()).isEqualTo(PledgeFixtures.today().plusDays(16) + "T08:00:00Z");
		management.executeJob(near.getId());
		Job passedDue = timer(instance, "Event_DueDatePassed");
		assertThat(passedDue.getDuedate().toInstant().toString()).isEqualTo(PledgeFixtures.today().plusDays(31) + "T08:00:00Z");
		management.executeJob(passedDue.getId());
		List<String> kinds = fixtures.step("GET", "/api/pledges/" + id + "/history", "donorNorway", null, 200)
			.findValuesAsText("kind");
		assertThat(kinds).contains("INSTALMENT_DUE", "INSTALMENT_OVERDUE");

		// nothing reported for a day: the process looks again, and waits again
		management.executeJob(timer(instance, "Event_DailyCheck").getId());
		assertThat(timer(instance, "Event_DailyCheck")).isNotNull();

		// a payment found missing: the donor is told and the pledge stays open
		JsonNode reported = fixtures.pay(id, "donorNorway", "3000");
		fixtures.step("PUT", "/api/pledges/" + id + "/payments/" + PledgeFixtures.lastPaymentId(reported) + "/receipt",
				"officerCpcjd", "{\"received\": false, \"note\": \"No transfer on the account\"}", 200);
		JsonNode after = fixtures.step("GET", "/api/pledges/" + id, "donorNorway", null, 200);
		assertThat(after.path("status").asText()).isEqualTo("COMMITTED");
		assertThat(after.path("payments").get(0).path("status").asText()).isEqualTo("REJECTED");
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
	}

	@Test
	void aCancelledProgrammeCancelsThePledgesEarmarkedToItAndReleasesTheOthers() {
		long programmeId = fixtures.openProgramme("officerCpcjd", "900000.00", "USD");
		long earmarked = fixtures.create("donorNorway", PledgeFixtures.toProgramme("1000", "USD", programmeId)).path("id")
			.asLong();
		fixtures.verify(earmarked);
		fixtures.agree(earmarked);
		long free = fixtures.create("donorJapan", PledgeFixtures.pledge("2000", "USD")).path("id").asLong();
		fixtures.verify(free);
		fixtures.agree(free);
		fixtures.step("PUT", "/api/pledges/" + free + "/allocation", "officerCpcjd", "{\"programmeId\": " + programmeId + "}",
				200);
		assertThat(funding(programmeId, "committed")).isEqualByComparingTo("3000");

		// what the funding proposal process's "Cancel and release pledges" publishes
		transaction.executeWithoutResult(status -> events.publishEvent(new ProgrammeCancelled(programmeId, "No longer needed")));

		JsonNode cancelled = fixtures.step("GET", "/api/pledges/" + earmarked, "donorNorway", null, 200);
		assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("closedReason").asText()).contains("No longer needed");
		assertThat(endOf(instanceOf(earmarked))).isEqualTo("SubProcess_PledgeClosed");
		JsonNode released = fixtures.step("GET", "/api/pledges/" + free, "donorJapan", null, 200);
		assertThat(released.path("status").asText()).isEqualTo("COMMITTED");
		assertThat(released.has("allocatedProgrammeId")).isFalse();
		assertThat(funding(programmeId, "committed")).isEqualByComparingTo("0");

		long another = fixtures.openProgramme("officerCpcjd", "900000.00", "USD");
		fixtures.step("PUT", "/api/pledges/" + free + "/allocation", "officerCpcjd", "{\"programmeId\": " + another + "}", 200);
		assertThat(funding(another, "committed")).isEqualByComparingTo("2000");
	}

}
