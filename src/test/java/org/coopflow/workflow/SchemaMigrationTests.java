package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.coopflow.CoopflowApplication;
import org.coopflow.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Liquibase builds the whole schema, Camunda's tables included, from an empty database; the engine
 * starts only afterwards; a second start applies nothing new and finds what the first one left,
 * including text outside the Basic Multilingual Plane.
 */
@Tag("restarts")
class SchemaMigrationTests {

	private final TestDatabase database = TestDatabase.create();

	@AfterEach
	void dropDatabase() {
		database.drop();
	}

	private ConfigurableApplicationContext start() {
		Map<String, Object> properties = new java.util.HashMap<>(database.properties());
		properties.put("coopflow.test.fresh-database", "false");
		properties.put("server.port", "0");
		return new SpringApplicationBuilder(CoopflowApplication.class).run(TestDatabase.asArguments(properties));
	}

	private static List<String> appliedChangesets(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("SELECT CONCAT(ID, ':', AUTHOR, ':', EXECTYPE, ':', DATEEXECUTED) FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")
			.query(String.class)
			.list();
	}

	@Test
	void liquibaseBuildsEverythingOnceAndASecondStartAppliesNothing() {
		List<String> first;
		String instanceId;
		try (ConfigurableApplicationContext context = start()) {
			first = appliedChangesets(context);
			assertThat(first).anyMatch(id -> id.startsWith("7.16.0-baseline:Camunda:EXECUTED"))
				.anyMatch(id -> id.startsWith("7.23-to-7.24:Camunda:EXECUTED"))
				.anyMatch(id -> id.startsWith("2026-11-27-create-app-user:coopflow:EXECUTED"))
				.anyMatch(id -> id.startsWith("2026-11-27-demo-users:coopflow:EXECUTED"));
			if (database.isMysql()) {
				assertThat(first).anyMatch(id -> id.startsWith("2026-11-27-utf8mb4-user-text-columns:coopflow:EXECUTED"));
			}
			ProcessEngine engine = context.getBean(ProcessEngine.class);
			instanceId = engine.getRuntimeService()
				.startProcessInstanceByKey("FixtureReviewProcess", "restart 🌍",
						Map.of("candidateGroup", "PROGRAMME_OFFICER_OHCHR", "title", TasklistRoundTripTests.ANY_SCRIPT))
				.getId();
		}
		try (ConfigurableApplicationContext context = start()) {
			assertThat(appliedChangesets(context)).isEqualTo(first);
			HistoryService history = context.getBean(ProcessEngine.class).getHistoryService();
			assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey())
				.isEqualTo("restart 🌍");
			assertThat(context.getBean(ProcessEngine.class).getRuntimeService().getVariable(instanceId, "title"))
				.isEqualTo(TasklistRoundTripTests.ANY_SCRIPT);
		}
	}

}
