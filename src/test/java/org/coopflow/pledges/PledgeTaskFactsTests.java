package org.coopflow.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The names of a pledge task's facts, which a completion is checked against without reading the pledge,
 * are exactly those the task's form is shown: a fact left out of them could come back changed unchecked.
 */
@CoopflowTest
class PledgeTaskFactsTests {

	@LocalServerPort
	int port;

	@Autowired
	PledgeTaskFacts facts;

	@Autowired
	TaskService tasks;

	@Autowired
	ProcessEngine engine;

	@Test
	void theNamesOfEachTasksFactsAreThoseItShows() {
		PledgeFixtures fixtures = new PledgeFixtures(TestHttp.api(port));
		long verify = fixtures.create("donorJapan", PledgeFixtures.pledge("20000", "USD")).path("id").asLong();
		long agree = fixtures.create("donorJapan", PledgeFixtures.pledge("20000", "USD")).path("id").asLong();
		fixtures.verify(agree);
		long allocateAndConfirm = fixtures.create("donorJapan", PledgeFixtures.pledge("20000", "USD")).path("id").asLong();
		fixtures.verify(allocateAndConfirm);
		fixtures.agree(allocateAndConfirm);
		fixtures.pay(allocateAndConfirm, "donorJapan", "5000");

		Map<String, Set<String>> shown = new HashMap<>();
		Map<String, Set<String>> named = new HashMap<>();
		for (long pledgeId : new long[] { verify, agree, allocateAndConfirm }) {
			for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(DonorPledgeProcess.businessKey(pledgeId)).list()) {
				((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
					.execute(context -> {
						TaskEntity entity = context.getTaskManager().findTaskById(task.getId());
						shown.put(task.getTaskDefinitionKey(), facts.of(entity).keySet());
						named.put(task.getTaskDefinitionKey(), facts.names(entity));
						return null;
					});
			}
		}
		assertThat(shown).containsOnlyKeys(DonorPledgeProcess.Tasks.VERIFY_PLEDGE,
				DonorPledgeProcess.Tasks.CONCLUDE_AGREEMENT, DonorPledgeProcess.Tasks.ALLOCATE_FUNDS,
				DonorPledgeProcess.Tasks.CONFIRM_RECEIPT);
		assertThat(named).isEqualTo(shown);
		assertThat(named.get(DonorPledgeProcess.Tasks.CONFIRM_RECEIPT)).contains(DonorPledgeProcess.Variables.PAYMENT_SUMMARY);
		assertThat(named.get(DonorPledgeProcess.Tasks.ALLOCATE_FUNDS)).contains(PledgeTaskFacts.PROGRAMME_OPTIONS);
	}

}
