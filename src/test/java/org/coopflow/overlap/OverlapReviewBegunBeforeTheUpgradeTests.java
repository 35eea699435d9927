package org.coopflow.overlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.mock;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.coopflow.overlap.OverlapReviewProcess.Elements;
import org.coopflow.overlap.OverlapReviewProcess.OfficeReview;
import org.coopflow.overlap.OverlapReviewProcess.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A review begun before 2026-12-07 runs the model of that day to its end: its gateway compares the offices'
 * proposals as process variables, which the review listener still writes for it (and only for it; see
 * {@link ReviewOverlapAlertTaskListener}). The model is that day's file, kept under src/test/resources/legacy.
 */
class OverlapReviewBegunBeforeTheUpgradeTests {

	@RegisterExtension
	static ProcessEngineExtension extension = ProcessEngineExtension.builder()
		.configurationResource("overlap-review-process.camunda.cfg.xml")
		.build();

	static final long ALERT_ID = 11;

	ProcessEngine engine;

	AlertReview review = mock(AlertReview.class);

	Map<String, AlertReview.Proposal> kept = new TreeMap<>();

	String deployment;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		OverlapReviewProcessTests.registerBeans(review, ALERT_ID, kept);
		deployment = engine.getRepositoryService()
			.createDeployment()
			.addClasspathResource("legacy/OverlapReviewProcess-before-2026-12-07.bpmn")
			.addClasspathResource("bpmn/forms/review-overlap-alert.form")
			.addClasspathResource("bpmn/forms/settle-joint-decision.form")
			.deploy()
			.getId();
	}

	@AfterEach
	void tearDown() {
		engine.getRepositoryService().deleteDeployment(deployment, true);
		Mocks.reset();
	}

	private ProcessInstance start() {
		new OverlapReviews(engine.getRuntimeService()).on(new OverlapAlertRaised(ALERT_ID, 42, 43, "HIGH"));
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(OverlapReviewProcess.businessKey(ALERT_ID))
			.singleResult();
	}

	private void propose(ProcessInstance instance, OfficeReview office, String coordinator, String decision) {
		Task task = engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(office.taskId())
			.singleResult();
		Map<String, Object> form = new HashMap<>();
		form.put(Variables.DECISION, decision);
		engine.getIdentityService().setAuthenticatedUserId(coordinator);
		try {
			engine.getFormService().submitTaskForm(task.getId(), form);
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	@Test
	void proposalsThatAgreeReachTheRecordStep() {
		ProcessInstance instance = start();
		propose(instance, OfficeReview.CPCJD, "coordinatorAlice", "COMPLEMENTARY");
		assertThat(instance).variables().containsEntry("cpcjdDecision", "COMPLEMENTARY");
		propose(instance, OfficeReview.OHCHR, "coordinatorBruno", "COMPLEMENTARY");

		assertThat(instance).hasPassed(Elements.END_PROPOSALS_AGREE).isWaitingAt(Elements.TASK_RECORD_JOINT_DECISION);
	}

	@Test
	void proposalsThatDifferAreSettled() {
		ProcessInstance instance = start();
		propose(instance, OfficeReview.CPCJD, "coordinatorAlice", "COMPLEMENTARY");
		propose(instance, OfficeReview.OHCHR, "coordinatorBruno", "OVERLAP_MERGE");

		assertThat(instance).isWaitingAt(Elements.TASK_SETTLE_JOINT_DECISION);
	}

}
