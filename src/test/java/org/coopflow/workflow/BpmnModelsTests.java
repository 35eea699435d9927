package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BpmnModelsTests {

	/** The project's models, and the test fixtures deployed beside them in tests. */
	private static final List<Path> MODEL_ROOTS = List.of(Path.of("bpmn"), Path.of("src/test/resources/bpmn"));

	@Test
	void everyModelFollowsTheModellingRules() throws IOException {
		List<Path> models = new ArrayList<>();
		List<Path> forms = new ArrayList<>();
		for (Path root : MODEL_ROOTS) {
			models.addAll(BpmnModelRules.files(root, ".bpmn"));
			forms.addAll(BpmnModelRules.files(root, ".form"));
		}
		assertThat(models).as("BPMN models found").isNotEmpty();
		Set<String> formIds = BpmnModelRules.formIds(forms);
		for (Path model : models) {
			assertThat(BpmnModelRules.violations(model, formIds)).as(model.toString()).isEmpty();
		}
	}

	@Test
	void rulesCatchGeneratedIdsAMissingTimeToLiveAndAWrongFileName() {
		List<String> violations = BpmnModelRules.violations(Path.of("src/test/resources/bpmn-lint/GeneratedIdsProcess.bpmn"),
				Set.of());
		assertThat(violations).anyMatch(v -> v.contains("historyTimeToLive"))
			.anyMatch(v -> v.contains("startable in Tasklist"))
			.anyMatch(v -> v.contains("file name"))
			.anyMatch(v -> v.endsWith("Process_0x1y2z3"))
			.anyMatch(v -> v.endsWith("StartEvent_1"))
			.anyMatch(v -> v.endsWith("Flow_0abc123"))
			.anyMatch(v -> v.endsWith("Activity_1k2j3h4"))
			.anyMatch(v -> v.endsWith("Event_0qwe9rt"))
			.anyMatch(v -> v.endsWith("Message_3c4v5b6"));
	}

	@Test
	void meaningfulIdsPass() {
		assertThat(BpmnModelRules.looksGenerated("Task_ReviewProposal")).isFalse();
		assertThat(BpmnModelRules.looksGenerated("Gateway_OverlapFound")).isFalse();
		assertThat(BpmnModelRules.looksGenerated("SequenceFlow_OverlapFoundYes")).isFalse();
		assertThat(BpmnModelRules.looksGenerated("Message_PledgeCommitted")).isFalse();
		assertThat(BpmnModelRules.looksGenerated("Task_review")).isFalse();
	}

	@Test
	void aTaskNamingAMissingFormIsCaught() {
		List<String> violations = BpmnModelRules.violations(
				Path.of("src/test/resources/bpmn/fixtures/FixtureReviewProcess.bpmn"), Set.of());
		assertThat(violations).anyMatch(v -> v.contains("fixture-review-form"));
	}

	@Test
	void aTaskWhoseAnswersAreRecordedMustReachItsRecordStepInTheSameTransaction() {
		List<String> violations = BpmnModelRules.violations(
				Path.of("src/test/resources/bpmn-lint/AnswersWithoutRecordStepProcess.bpmn"), Set.of());
		assertThat(violations).anyMatch(v -> v.contains("Task_Decide ") && v.contains("starts asynchronously"))
			.anyMatch(v -> v.contains("Task_DecideAgain ") && v.contains("not a service task"))
			.hasSize(2);
	}

}
