package org.coopflow.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.coopflow.CoopflowTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.coopflow.TestHttp;
import org.coopflow.pledges.bench.PledgeIntakeBenchmark;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The SQL statements one pledge intake sends to the database, counted beside a bare engine-rest start of
 * the same process (the benchmark's {@code BarePledgeProcess}): a figure that, unlike a timing, does not
 * depend on the machine's load (issue 18). Intake may send no more than the bare start; the statements of
 * both are printed. On 2026-12-05, on H2: intake 46 before the round trips were removed, 28 after; the bare
 * start 31.
 */
@CoopflowTest
@Import(StatementCounter.class)
// the counting data source makes an application context of its own: not in the shared test context's JVM
@Tag("restarts")
class PledgeIntakeStatementsTests {

	private static final int INTAKES = 5;

	@LocalServerPort
	int port;

	TestHttp api;

	@Autowired
	RepositoryService repository;

	@BeforeEach
	void setUp() {
		api = TestHttp.api(port);
		if (repository.createProcessDefinitionQuery().processDefinitionKey(PledgeIntakeBenchmark.BARE_KEY).count() == 0) {
			ProcessDefinition real = repository.createProcessDefinitionQuery()
				.processDefinitionKey(DonorPledgeProcess.PROCESS_KEY)
				.latestVersion()
				.singleResult();
			BpmnModelInstance model = repository.getBpmnModelInstance(real.getId());
			Process process = model.getModelElementsByType(Process.class).iterator().next();
			UserTask verify = model.getModelElementById("Task_VerifyPledge");
			repository.createDeployment()
				.addString(PledgeIntakeBenchmark.BARE_KEY + ".bpmn", PledgeIntakeBenchmark.BARE_MODEL
					.formatted(process.getCamundaHistoryTimeToLiveString(), PledgeIntakeBenchmark.bareCandidateGroups(verify.getCamundaCandidateGroups())))
				.deploy();
		}
	}

	@Test
	void intakeSendsNoMoreStatementsThanTheBareStartOfItsProcess() {
		int[] n = { 0 };
		List<String> intake = perRequest(() -> api.sendWithHeaders("POST", "/api/pledges", "donorNorway",
				Map.of("Idempotency-Key", UUID.randomUUID().toString()), "application/json",
				"{\"amount\":\"1000\",\"currency\":\"USD\",\"office\":\"CPCJD\"}").status(), 201);
		List<String> bare = perRequest(() -> api.send("POST",
				"/engine-rest/process-definition/key/" + PledgeIntakeBenchmark.BARE_KEY + "/start", "admin",
				"application/json", """
						{"businessKey":"%s","variables":{"office":{"value":"CPCJD","type":"String"},
						"donor":{"value":"NO","type":"String"}}}""".formatted(DonorPledgeProcess.businessKey(900_000 + n[0]++)))
			.status(), 200);
		StatementCounter.print("intake", intake, INTAKES, "request");
		StatementCounter.print("bare engine-rest start", bare, INTAKES, "request");
		assertThat(intake.size()).as("statements of %d intakes against %d bare starts", INTAKES, INTAKES)
			.isLessThanOrEqualTo(bare.size());
	}

	/** The statements of {@link #INTAKES} requests after one to warm the caches. */
	private static List<String> perRequest(IntSupplier request, int expected) {
		assertThat(request.getAsInt()).isEqualTo(expected);
		StatementCounter.start();
		for (int i = 0; i < INTAKES; i++) {
			assertThat(request.getAsInt()).isEqualTo(expected);
		}
		return StatementCounter.stop();
	}

}
