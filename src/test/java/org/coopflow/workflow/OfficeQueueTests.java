package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "My office's unclaimed tasks" answered from {@link UnclaimedTasks} gives what Camunda's own query gives
 * for the same filter: each reader's pages and count are compared with those of a filter that asks the
 * same and one more thing (order by id, which is how the office queue decides between equal due dates and
 * creations), which the engine answers itself. Tasks are created, claimed, handed back, completed,
 * re-dated, given and relieved of candidate groups, hidden from one reader, suspended and deleted, in the
 * engine's own transactions, and the table must hold what the engine's tables hold after each round.
 */
@CoopflowTest
class OfficeQueueTests {

	static final String KEY = "OfficeQueueTest";

	static final List<String> GROUPS = List.of("queueA", "queueB", "queueC");

	/** Readers and their groups: one of a group, one of two, one of another. */
	static final Map<String, List<String>> READERS = Map.of(
			"queueReaderA", List.of("queueA"),
			"queueReaderAB", List.of("queueA", "queueB"),
			"queueReaderC", List.of("queueC"));

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	FilterService filters;

	@Autowired
	IdentityService identity;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TasklistFilters tasklistFilters;

	@Autowired
	UnclaimedTasks unclaimed;

	@LocalServerPort
	int port;

	String deployment;

	String queue;

	String camundas;

	final List<String> authorizationIds = new ArrayList<>();

	@BeforeEach
	void deploy() {
		BpmnModelInstance model = Bpmn.createExecutableProcess(KEY)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("work")
			.camundaCandidateGroups("${group}")
			.camundaDueDate("${due}")
			.endEvent()
			.done();
		deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", model).deploy().getId();
		queue = filter("office queue (test)", TasklistFilters.officeUnclaimed(new TaskQueryImpl()));
		camundas = filter("the same, answered by Camunda (test)",
				TasklistFilters.officeUnclaimed(new TaskQueryImpl()).orderByTaskId().asc());
	}

	@AfterEach
	void undeploy() {
		authorizationIds.forEach(authorizations::deleteAuthorization);
		repository.deleteDeployment(deployment, true);
		filters.deleteFilter(queue);
		filters.deleteFilter(camundas);
	}

	@Test
	void everyReaderGetsWhatCamundasOwnQueryGivesThroughEveryChange() {
		Random random = new Random(20261206);
		List<ProcessInstance> instances = new ArrayList<>();
		Instant day = Instant.parse("2027-01-04T09:00:00Z");
		for (int i = 0; i < 60; i++) {
			// few due dates, so that many tasks share one and their order is decided further on
			Date due = random.nextInt(8) == 0 ? null : Date.from(day.plusSeconds(86_400L * random.nextInt(5)));
			instances.add(runtime.startProcessInstanceByKey(KEY, "queue-" + i,
					Variables.putValue("group", GROUPS.get(random.nextInt(GROUPS.size()))).putValue("due", due)));
		}
		assertSameAsCamunda("as created");

		List<Task> open = tasks.createTaskQuery().processDefinitionKey(KEY).list();
		for (int i = 0; i < 12; i++) {
			tasks.claim(open.get(i).getId(), "someone");
		}
		tasks.setAssignee(open.get(0).getId(), null);
		tasks.setAssignee(open.get(1).getId(), null);
		for (int i = 12; i < 18; i++) {
			Task task = open.get(i);
			task.setDueDate(Date.from(day.plusSeconds(3_600L * i)));
			tasks.saveTask(task);
		}
		tasks.addCandidateGroup(open.get(20).getId(), "queueB");
		tasks.addCandidateGroup(open.get(21).getId(), "queueC");
		tasks.deleteCandidateGroup(open.get(22).getId(), groupOf(open.get(22)));
		for (int i = 2; i < 6; i++) {
			tasks.complete(open.get(i).getId());
		}
		assertSameAsCamunda("claimed, handed back, re-dated, candidates changed, completed");

		// the four-eyes rule's REVOKE for one reader, and one for a whole group
		for (int i = 24; i < 30; i++) {
			revoke(open.get(i).getId(), "queueReaderAB", null);
		}
		revoke(open.get(30).getId(), null, "queueA");
		runtime.suspendProcessInstanceById(instances.get(40).getId());
		runtime.suspendProcessInstanceById(instances.get(41).getId());
		runtime.deleteProcessInstance(instances.get(42).getId(), "test");
		assertSameAsCamunda("hidden, suspended, deleted");

		runtime.activateProcessInstanceById(instances.get(40).getId());
		assertSameAsCamunda("activated again");

		// an administrator takes a group's grant on one task away, and READ out of the grant on another
		authorizations.deleteAuthorization(groupGrant(open.get(31)).getId());
		Authorization withoutRead = groupGrant(open.get(32));
		withoutRead.removePermission(Permissions.READ);
		authorizations.saveAuthorization(withoutRead);
		assertSameAsCamunda("grants taken away");

		// what a node of an earlier release, which does not keep the table, would leave behind
		jdbc.sql("DELETE FROM unclaimed_task WHERE task_id IN (?, ?)").params(open.get(33).getId(), open.get(34).getId()).update();
		unclaimed.reconcile();
		assertSameAsCamunda("rebuilt at start");

		// a standalone task may have an id its creator chose, perhaps that of a task whose rows such a node
		// left behind: its first save replaces them
		jdbc.sql("INSERT INTO unclaimed_task (task_id, group_id, due_date, create_time, granted)"
				+ " VALUES ('queue-standalone', 'queueA', NULL, CURRENT_TIMESTAMP, TRUE)").update();
		tasks.saveTask(tasks.newTask("queue-standalone"));
		try {
			assertSameAsCamunda("a standalone task saved under the id of rows left behind");
		}
		finally {
			tasks.deleteTask("queue-standalone", true);
		}
	}

	private Authorization groupGrant(Task task) {
		return authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(task.getId())
			.groupIdIn(groupOf(task))
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.singleResult();
	}

	@Test
	void theQueueIsAnsweredFromItsOwnTable() {
		for (int i = 0; i < 5; i++) {
			start("queueA");
		}
		assertThat(as("queueReaderA", () -> filters.count(queue))).isEqualTo(5);
		// a row taken out of the table behind the engine's back shows in the queue, not in Camunda's answer
		jdbc.sql("DELETE FROM unclaimed_task WHERE task_id = ?")
			.param(tasks.createTaskQuery().processDefinitionKey(KEY).list().get(0).getId())
			.update();
		assertThat(as("queueReaderA", () -> filters.count(queue))).isEqualTo(4);
		assertThat(as("queueReaderA", () -> filters.count(camundas))).isEqualTo(5);
	}

	/**
	 * Tasklist 7.24's own request for a filter's page (its bootstrap script: empty searches, newest first,
	 * active tasks only, as HAL with the count) through engine-rest, as an officer, on the shared filter.
	 */
	@Test
	void tasklistsOwnRequestIsAnsweredByTheQueue() {
		start("PROGRAMME_OFFICER_CPCJD");
		String taskId = tasks.createTaskQuery().processDefinitionKey(KEY).singleResult().getId();
		String shared = tasklistFilters.idOf(TasklistFilters.MY_OFFICE_UNCLAIMED).orElseThrow();
		TestHttp api = TestHttp.api(port);
		long before = tasklistCount(api, shared);
		jdbc.sql("DELETE FROM unclaimed_task WHERE task_id = ?").param(taskId).update();
		try {
			// Camunda's own query would still count the task: the answer came from the table
			assertThat(tasklistCount(api, shared)).isEqualTo(before - 1);
		}
		finally {
			unclaimed.refresh(new UnclaimedTasks.Changed(Set.of(), Set.of(), Set.of(taskId)));
		}
		assertThat(tasklistCount(api, shared)).isEqualTo(before);
	}

	private long tasklistCount(TestHttp api, String filterId) {
		TestHttp.Response page = api.sendWithHeaders("POST", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
				"officerCpcjd", Map.of("Accept", "application/hal+json"), "application/json", """
					{"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],\
					"sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""");
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return page.json().path("count").asLong(-1);
	}

	@Test
	void aRevokeOnEveryTaskLeavesTheQueueToCamunda() {
		start("queueA");
		revoke("*", "queueReaderA", null);
		assertThat(as("queueReaderA", () -> filters.count(queue))).isZero();
		assertThat(as("queueReaderA", () -> filters.listPage(queue, 0, 15))).isEmpty();
		assertThat(as("queueReaderAB", () -> filters.count(queue))).isOne();
	}

	private void start(String group) {
		runtime.startProcessInstanceByKey(KEY, Variables.putValue("group", group).putValue("due", null));
	}

	private void assertSameAsCamunda(String after) {
		List<String> kept = jdbc.sql("SELECT task_id, group_id FROM unclaimed_task ORDER BY task_id, group_id")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list();
		List<String> engine = jdbc.sql("""
				SELECT DISTINCT RES.ID_, I.GROUP_ID_ FROM ACT_RU_TASK RES JOIN ACT_RU_IDENTITYLINK I ON I.TASK_ID_ = RES.ID_
				WHERE RES.ASSIGNEE_ IS NULL AND RES.TENANT_ID_ IS NULL AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IS NOT NULL ORDER BY RES.ID_, I.GROUP_ID_""")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list();
		assertThat(kept).as("the table after: " + after).isEqualTo(engine);
		for (String reader : READERS.keySet()) {
			for (Supplier<TaskQuery> extension : List.<Supplier<TaskQuery>>of(() -> null,
					// as Tasklist asks: active tasks, newest first (the filter's own order comes first)
					() -> tasks.createTaskQuery().active().orderByTaskCreateTime().desc(),
					() -> tasks.createTaskQuery().orderByDueDate().asc())) {
				for (int first : new int[] { 0, 7, 15 }) {
					List<String> fast = as(reader, () -> ids(filters.listPage(queue, extension.get(), first, 15)));
					List<String> own = as(reader, () -> ids(filters.listPage(camundas, extension.get(), first, 15)));
					assertThat(fast).as("%s's page from %d after: %s", reader, first, after).isEqualTo(own);
				}
				long count = as(reader, () -> extension.get() == null ? filters.count(queue) : filters.count(queue, extension.get()));
				long owns = as(reader, () -> extension.get() == null ? filters.count(camundas) : filters.count(camundas, extension.get()));
				assertThat(count).as("%s's count after: %s", reader, after).isEqualTo(owns);
			}
		}
	}

	private List<String> ids(List<Task> listed) {
		return listed.stream().map(Task::getId).toList();
	}

	private <T> T as(String reader, Supplier<T> work) {
		identity.setAuthentication(reader, READERS.getOrDefault(reader, List.of()));
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private String groupOf(Task task) {
		return tasks.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> link.getGroupId() != null)
			.findFirst()
			.orElseThrow()
			.getGroupId();
	}

	private void revoke(String taskId, String user, String group) {
		Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
		revoke.setUserId(user);
		revoke.setGroupId(group);
		revoke.setResource(Resources.TASK);
		revoke.setResourceId(taskId);
		revoke.removePermission(Permissions.ALL);
		authorizationIds.add(authorizations.saveAuthorization(revoke).getId());
	}

	private String filter(String name, TaskQuery query) {
		Filter filter = filters.newTaskFilter(name);
		filter.setQuery(query);
		String id = filters.saveFilter(filter).getId();
		for (String group : GROUPS) {
			Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			read.setGroupId(group);
			read.setResource(Resources.FILTER);
			read.setResourceId(id);
			read.addPermission(Permissions.READ);
			authorizationIds.add(authorizations.saveAuthorization(read).getId());
		}
		return id;
	}

}
