package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.coopflow.CoopflowApplication;
import org.coopflow.TestDatabase;
import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.coopflow.pledges.PledgeFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A funding proposal process started while its business key was the bare programme id goes on under
 * {@code programme-<id>} after the upgrade, running and in history; other processes' keys stay as they were.
 */
@Tag("restarts")
class ProposalBusinessKeyMigrationTests {

	private final TestDatabase database = TestDatabase.create();

	@AfterEach
	void dropDatabase() {
		database.drop();
	}

	private ConfigurableApplicationContext start() {
		Map<String, Object> properties = new HashMap<>(database.properties());
		properties.put("coopflow.test.fresh-database", "false");
		properties.put("server.port", "0");
		return new SpringApplicationBuilder(CoopflowApplication.class).run(TestDatabase.asArguments(properties));
	}

	private static long submittedProgramme(ConfigurableApplicationContext context) {
		TestHttp api = TestHttp.api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
		ObjectNode draft = PledgeFixtures.JSON.createObjectNode();
		draft.put("title", "Training prosecutors " + UUID.randomUUID().toString().substring(0, 8));
		draft.put("description", "Training on the Guidelines on the Role of Prosecutors");
		draft.putArray("countries").add("GH");
		draft.putArray("standards").add("GL-PROSECUTORS");
		draft.putArray("activityTypes").add("TRAINING");
		draft.putArray("sectors").add("15130");
		TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", "80000.00").put("currency", "EUR");
		TestHttp.Response created = api.send("POST", "/api/programmes", "officerCpcjd", "application/json", draft.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		TestHttp.Response submitted = api.send("POST", "/api/programmes/" + id + "/submission", "officerCpcjd", null, null);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		return id;
	}

	@Test
	void aProposalKeyedByTheBareProgrammeIdIsKeyedProgrammeIdAfterTheUpgrade() {
		long programmeId;
		String proposal;
		String other;
		try (ConfigurableApplicationContext context = start()) {
			programmeId = submittedProgramme(context);
			ProcessEngine engine = context.getBean(ProcessEngine.class);
			proposal = engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processInstanceBusinessKey(FundingProposalProcess.businessKey(programmeId))
				.singleResult()
				.getId();
			other = engine.getRuntimeService()
				.startProcessInstanceByKey("FixtureReviewProcess", "4711",
						Map.of("candidateGroup", "PROGRAMME_OFFICER_OHCHR", "title", "not a proposal"))
				.getId();
			// as an instance started before the upgrade left it, and the upgrade not yet applied
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			String old = String.valueOf(programmeId);
			assertThat(jdbc.sql("UPDATE ACT_RU_EXECUTION SET BUSINESS_KEY_ = ? WHERE PROC_INST_ID_ = ? AND BUSINESS_KEY_ IS NOT NULL")
				.params(old, proposal)
				.update()).isPositive();
			assertThat(jdbc.sql("UPDATE ACT_HI_PROCINST SET BUSINESS_KEY_ = ? WHERE ID_ = ?").params(old, proposal).update())
				.isEqualTo(1);
			jdbc.sql("DELETE FROM DATABASECHANGELOG WHERE ID LIKE '2026-12-02-prefix-%-proposal-business-key'").update();
			assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(old).count()).isEqualTo(1);
		}
		try (ConfigurableApplicationContext context = start()) {
			ProcessEngine engine = context.getBean(ProcessEngine.class);
			String key = FundingProposalProcess.businessKey(programmeId);
			assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId())
				.isEqualTo(proposal);
			assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(proposal).singleResult()
				.getBusinessKey()).isEqualTo(key);
			assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).count())
				.as("its review task, found by the new key").isEqualTo(1);
			assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(other).singleResult()
				.getBusinessKey()).isEqualTo("4711");
			assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(other).singleResult()
				.getBusinessKey()).isEqualTo("4711");
		}
	}

}
