package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.programmes.FundingProposalProcess;
import org.coopflow.programmes.ProgrammeFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Camunda's history cleanup (docs/history.md) removes the history of process instances whose removal time
 * (end of the root instance + the process's historyTimeToLive) has passed, and nothing else: not the history
 * of instances still running or ended within their time to live, not coopflow's own records and audit
 * trail. Proposals are rejected through coopflow's API, the engine's clock is moved five years on, and the
 * cleanup job runs as the job executor would in its window. The window is set through coopflow's own
 * properties (other values than application.yaml's, so it is seen to reach the engine); that needs an
 * application context of its own, hence the tag.
 */
@CoopflowTest
@Tag("restarts")
@TestPropertySource(properties = { "coopflow.history.cleanup-window-start=22:30",
		"coopflow.history.cleanup-window-end=03:15" })
class HistoryCleanupTests {

	/** The history of a process instance, by its root: every table the cleanup deletes from. */
	private static final List<String> HISTORY_TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST",
			"ACT_HI_TASKINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_COMMENT", "ACT_HI_OP_LOG",
			"ACT_HI_INCIDENT", "ACT_HI_JOB_LOG", "ACT_RU_AUTHORIZATION");

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngineConfiguration configuration;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	TestHttp api;

	ProgrammeFixtures programmes;

	PledgeFixtures pledges;

	@BeforeEach
	void setUp() {
		// no timer may fire while the clock stands years ahead, and the cleanup job runs when the test says
		engine().getJobExecutor().shutdown();
		api = TestHttp.api(port);
		pledges = new PledgeFixtures(api);
		programmes = pledges.programmes();
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		engine().getJobExecutor().start();
	}

	private ProcessEngineConfigurationImpl engine() {
		return (ProcessEngineConfigurationImpl) configuration;
	}

	@Test
	void theEngineCleansUpInTheConfiguredWindowByRemovalTime() {
		assertThat(engine().getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:30");
		assertThat(engine().getHistoryCleanupBatchWindowEndTime()).isEqualTo("03:15");
		assertThat(engine().getHistoryCleanupStrategy()).isEqualTo(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
		assertThat(engine().getHistoryRemovalTimeStrategy()).isEqualTo(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
		assertThat(engine().isHistoryCleanupEnabled()).isTrue();
		assertThat(engine().getHistoryCleanupJobLogTimeToLive()).isEqualTo("P30D");
		assertThat(engine().getBatchOperationHistoryTimeToLive()).isEqualTo("P30D");

		// the engine's start scheduled one cleanup job, due in the window (server time zone): at its start, or
		// later in it if the job executor already ran it tonight
		List<Job> jobs = history.findHistoryCleanupJobs();
		assertThat(jobs).hasSize(1);
		LocalTime due = LocalTime.ofInstant(jobs.get(0).getDuedate().toInstant(), ZoneId.systemDefault());
		assertThat(!due.isBefore(LocalTime.of(22, 30)) || !due.isAfter(LocalTime.of(3, 15)))
			.as("due at %s, in the window 22:30-03:15", due).isTrue();

		// operators see the same window through engine-rest; only an administrator may start a cleanup
		TestHttp.Response window = api.send("GET", "/engine-rest/history/cleanup/configuration", "admin", null, null);
		assertThat(window.status()).as(window.body()).isEqualTo(200);
		assertThat(window.json().path("enabled").asBoolean()).isTrue();
		assertThat(window.json().path("batchWindowStartTime").asText()).contains("T22:30:00");
		TestHttp.Response refused = api.send("POST", "/engine-rest/history/cleanup?immediatelyDue=false", "officerCpcjd",
				null, null);
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		TestHttp.Response scheduled = api.send("POST", "/engine-rest/history/cleanup?immediatelyDue=false", "admin", null,
				null);
		assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
		assertThat(history.findHistoryCleanupJobs()).as("asking again reschedules, never adds a job").hasSize(1);
	}

	@Test
	void historyPastItsTimeToLiveGoesAndEverythingElseStays() throws SQLException {
		int ttlDays = timeToLiveDays(FundingProposalProcess.PROCESS_KEY);
		assertThat(ttlDays).as("bpmn/FundingProposalProcess.bpmn's historyTimeToLive").isEqualTo(1825);
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		ClockUtil.setCurrentTime(Date.from(start));

		// ended long ago: a proposal rejected now, with a comment on its review task as in Tasklist
		long old = programmes.create("officerCpcjd", ProgrammeFixtures.draft("Rejected long ago"));
		programmes.submit(old, "officerCpcjd");
		String oldInstance = instanceOf(old);
		Task review = tasks.createTaskQuery().processInstanceId(oldInstance).singleResult();
		tasks.createComment(review.getId(), oldInstance, "Outside the office's mandate, see the guidelines");
		programmes.review(old, ProgrammeFixtures.reviewerOf("officerCpcjd"), "REJECT", "Outside the office's mandate");
		assertThat(programmes.status(old)).isEqualTo("REJECTED");

		// still running from the same day on: a proposal open for funding with a pledge waiting to be verified
		long running = pledges.openProgramme("officerCpcjd", "500000.00", "USD");
		String runningInstance = instanceOf(running);
		long pledge = pledges.create("donorNorway", PledgeFixtures.toProgramme("10000", "USD", running)).path("id").asLong();

		// ended within its time to live: rejected a thousand days later
		ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(1000))));
		long recent = programmes.rejected("officerCpcjd", ProgrammeFixtures.draft("Rejected recently"));
		String recentInstance = instanceOf(recent);

		// the end of a root instance sets the removal time on all of its history: end + historyTimeToLive
		HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(oldInstance)
			.singleResult();
		assertThat(ended.getEndTime()).isNotNull();
		assertThat(ended.getRemovalTime().toInstant())
			.isEqualTo(ended.getEndTime().toInstant().plus(Duration.ofDays(ttlDays)));
		for (String table : HISTORY_TABLES) {
			assertThat(count(table, oldInstance, "REMOVAL_TIME_ IS NULL")).as("%s rows without a removal time", table)
				.isZero();
		}
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(runningInstance).singleResult()
			.getRemovalTime()).as("a running instance has none").isNull();

		Map<String, Long> oldBefore = historyOf(oldInstance);
		Map<String, Long> runningBefore = historyOf(runningInstance);
		Map<String, Long> recentBefore = historyOf(recentInstance);
		String pledgeInstance = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey("pledge-" + pledge)
			.singleResult()
			.getId();
		Map<String, Long> pledgeBefore = historyOf(pledgeInstance);
		// the test can fail: there is history of every kind to remove
		assertThat(oldBefore).allSatisfy((table, rows) -> {
			if (List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_TASKINST", "ACT_HI_COMMENT",
					"ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG").contains(table)) {
				assertThat(rows).as(table).isPositive();
			}
		});
		Map<String, List<Map<String, Object>>> coopflowBefore = coopflowTables();
		assertThat(coopflowBefore).containsKeys("PROGRAMME", "PROGRAMME_CHANGE", "PLEDGE", "PLEDGE_EVENT");
		assertThat(coopflowBefore.get("PROGRAMME_CHANGE")).as("the programmes' history").hasSizeGreaterThan(3);

		// a day past the old proposal's removal time, the cleanup job runs as the job executor would
		ClockUtil.setCurrentTime(Date.from(ended.getRemovalTime().toInstant().plus(Duration.ofDays(1))));
		cleanUp();

		assertThat(historyOf(oldInstance)).as("the history past its time to live").allSatisfy(
				(table, rows) -> assertThat(rows).as(table).isZero());
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(oldInstance).count()).isZero();
		assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(oldInstance).count()).isZero();
		assertThat(tasks.getProcessInstanceComments(oldInstance)).isEmpty();
		assertThat(historyOf(runningInstance)).as("a running proposal's history").isEqualTo(runningBefore);
		assertThat(historyOf(pledgeInstance)).as("a running pledge's history").isEqualTo(pledgeBefore);
		assertThat(historyOf(recentInstance)).as("a proposal ended within its time to live").isEqualTo(recentBefore);
		assertThat(coopflowTables()).as("coopflow's own tables, row by row").isEqualTo(coopflowBefore);

		// and what people read of them: the rejected programme and its history, the pledge
		assertThat(programmes.status(old)).isEqualTo("REJECTED");
		TestHttp.Response changes = api.get("/api/programmes/" + old + "/history", "officerCpcjd");
		assertThat(changes.status()).as(changes.body()).isEqualTo(200);
		assertThat(changes.json().toString()).contains("REJECTED");
		assertThat(pledges.step("GET", "/api/pledges/" + pledge + "/history", "donorNorway", null, 200)).isNotEmpty();
	}

	@Test
	void everyRemovalTimeColumnOfTheLiquibaseSchemaIsIndexed() throws SQLException {
		// the cleanup selects what to delete by REMOVAL_TIME_; without an index each night would scan years
		Map<String, Boolean> indexed = new TreeMap<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			try (ResultSet columns = metaData.getColumns(connection.getCatalog(), connection.getSchema(), "ACT_%",
					"REMOVAL_TIME_")) {
				while (columns.next()) {
					indexed.put(columns.getString("TABLE_NAME"), false);
				}
			}
			for (String table : indexed.keySet()) {
				try (ResultSet indexes = metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(), table, false,
						false)) {
					while (indexes.next()) {
						// the removal time leads the index, so a range on it can use it
						if ("REMOVAL_TIME_".equalsIgnoreCase(indexes.getString("COLUMN_NAME"))
								&& indexes.getShort("ORDINAL_POSITION") == 1) {
							indexed.put(table, true);
						}
					}
				}
			}
		}
		assertThat(indexed).as("tables with a removal time").containsKeys("ACT_HI_PROCINST", "ACT_HI_ACTINST",
				"ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_COMMENT", "ACT_HI_OP_LOG", "ACT_GE_BYTEARRAY",
				"ACT_RU_AUTHORIZATION");
		assertThat(indexed).as("an index led by REMOVAL_TIME_").allSatisfy((table, hasIndex) -> assertThat(hasIndex).as(table).isTrue());
	}

	/** Schedules the cleanup now and runs its job until it reports nothing left to delete. */
	private void cleanUp() {
		history.cleanUpHistoryAsync(true);
		List<Job> jobs = history.findHistoryCleanupJobs();
		assertThat(jobs).hasSize(1);
		// each run deletes up to a batch (500 rows a table) and reschedules itself; a few runs are plenty here
		for (int run = 0; run < 5; run++) {
			management.executeJob(jobs.get(0).getId());
		}
	}

	private int timeToLiveDays(String processKey) {
		ProcessDefinition definition = engine().getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
		return definition.getHistoryTimeToLive();
	}

	private String instanceOf(long programmeId) {
		return history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(FundingProposalProcess.businessKey(programmeId))
			.singleResult()
			.getId();
	}

	private Map<String, Long> historyOf(String rootInstance) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : HISTORY_TABLES) {
			counts.put(table, count(table, rootInstance, "1 = 1"));
		}
		return counts;
	}

	private long count(String table, String rootInstance, String condition) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ = ? AND " + condition)
			.param(rootInstance)
			.query(Long.class)
			.single();
	}

	/** Every row of every table that is not Camunda's or Liquibase's, by upper-case table name. */
	private Map<String, List<Map<String, Object>>> coopflowTables() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
				while (tables.next()) {
					String type = tables.getString("TABLE_TYPE");
					String name = tables.getString("TABLE_NAME");
					String upper = name.toUpperCase(Locale.ROOT);
					if (type != null && type.toUpperCase(Locale.ROOT).contains("TABLE") && !type.toUpperCase(Locale.ROOT).contains("SYSTEM")
							&& !upper.startsWith("ACT_") && !upper.startsWith("DATABASECHANGELOG")) {
						names.add(name);
					}
				}
			}
		}
		Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
		for (String name : names) {
			List<Map<String, Object>> content = new ArrayList<>();
			for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + name).query().listOfRows()) {
				Map<String, Object> comparable = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				row.forEach((column, value) -> comparable.put(column,
						value instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : value));
				content.add(comparable);
			}
			// rows in a stable order whatever plan the database picks
			content.sort(java.util.Comparator.comparing(Object::toString));
			rows.put(name.toUpperCase(Locale.ROOT), content);
		}
		return rows;
	}

}
