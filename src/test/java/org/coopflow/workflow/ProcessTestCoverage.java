package org.coopflow.workflow;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateListener;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.BaseProcessEngineCoverageTestExecutionListener;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.TestContext;

/**
 * Process test coverage (the camunda-process-test-coverage library) in the application context that the
 * {@code @CoopflowTest} classes share: the library's parse listener in the engine, and a test execution
 * listener built on the library's ({@link Listener}) recording each {@link CoversProcess} class and asserting
 * at its end that the class passed every element and flow of its process. Other test classes are not
 * recorded. The reports are written to {@code target/process-test-coverage/}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessTestCoverage {

	/**
	 * No test class name is this. The library's own listener, registered for every Spring test by the
	 * library's {@code spring.factories}, would record a class's coverage of every process its tests drive;
	 * {@link Listener} records that of the process the class names instead.
	 */
	private static final String NO_TEST_CLASS = "-";

	/** Drops what the engine does before a process test class first records, as the application starts. */
	private static final Collector NOT_RECORDING = event -> {
	};

	/** Primary over the library's default, which its configuration registers too. */
	@Bean
	@Primary
	ProcessEngineCoverageProperties processEngineCoverageProperties() {
		return ProcessEngineCoverageProperties.builder()
			.addInclusionPatternForTestClasses(NO_TEST_CLASS)
			.assertClassCoverageAtLeast(1.0)
			.build();
	}

	/**
	 * Makes the library's listeners safe in a shared engine, after the library has registered them. Until a
	 * process test class starts and hands them its collector, they would fail every execution; and they read
	 * the process definition as whoever is signed in to the engine, which the application's authorizations do
	 * not always allow.
	 */
	@Bean
	@Order(Ordering.DEFAULT_ORDER + 2)
	AbstractCamundaConfiguration sharedEngineCoverage() {
		return new AbstractCamundaConfiguration() {

			@Override
			public void preInit(SpringProcessEngineConfiguration configuration) {
				configuration.getCustomPostBPMNParseListeners()
					.stream()
					.filter(ElementCoverageParseListener.class::isInstance)
					.forEach(listener -> ((ElementCoverageParseListener) listener).setCoverageState(NOT_RECORDING));
				configuration.getCustomPostBPMNParseListeners().add(new CoverageWithoutAuthorization());
			}

		};
	}

	/**
	 * The library's listener for Spring tests on Camunda 7, for the classes annotated {@link CoversProcess} and
	 * counting only the process they name.
	 */
	public static class Listener extends BaseProcessEngineCoverageTestExecutionListener {

		private final DefaultCollector collector = new DefaultCollector(new ExecutionContextModelProvider());

		/** From the class's first test to its end; the engine's job executor may run at any time. */
		private volatile boolean recording;

		private final Collector whileRecording = event -> {
			if (recording) {
				collector.addEvent(event);
			}
		};

		@Override
		protected DefaultCollector getCoverageCollector() {
			return collector;
		}

		@Override
		protected boolean isTestClassExcluded(TestContext testContext) {
			return !testContext.getTestClass().isAnnotationPresent(CoversProcess.class);
		}

		@Override
		public void beforeTestClass(TestContext testContext) {
			super.beforeTestClass(testContext);
			if (isTestClassExcluded(testContext)) {
				return;
			}
			String covered = testContext.getTestClass().getAnnotation(CoversProcess.class).value();
			ProcessEngine engine = testContext.getApplicationContext().getBean(ProcessEngine.class);
			collector.setExcludedProcessDefinitionKeys(engine.getRepositoryService()
				.createProcessDefinitionQuery()
				.list()
				.stream()
				.map(ProcessDefinition::getKey)
				.filter(key -> !key.equals(covered))
				.distinct()
				.toList());
			new ProcessEngineAdapter(engine, whileRecording).initializeListeners();
		}

		@Override
		public void beforeTestMethod(TestContext testContext) {
			super.beforeTestMethod(testContext);
			if (!isTestMethodExcluded(testContext)) {
				recording = true;
			}
		}

		@Override
		public void afterTestClass(TestContext testContext) {
			try {
				super.afterTestClass(testContext);
			}
			finally {
				recording = false;
			}
		}

	}

	/** Runs the coverage listeners that the library's parse listener put on a process without authorization checks. */
	static class CoverageWithoutAuthorization extends AbstractBpmnParseListener {

		@Override
		public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
			withoutAuthorization(process);
		}

		private static void withoutAuthorization(ScopeImpl scope) {
			for (ActivityImpl activity : scope.getActivities()) {
				wrapCoverageListeners(activity);
				for (PvmTransition transition : activity.getOutgoingTransitions()) {
					wrapCoverageListeners((CoreModelElement) transition);
				}
				withoutAuthorization(activity);
			}
		}

		private static void wrapCoverageListeners(CoreModelElement element) {
			for (List<DelegateListener<? extends BaseDelegateExecution>> listeners : element.getListeners().values()) {
				listeners.replaceAll(listener -> isCoverage(listener) ? withoutAuthorization((ExecutionListener) listener)
						: listener);
			}
		}

		private static boolean isCoverage(DelegateListener<?> listener) {
			return listener.getClass().getName().startsWith(ElementCoverageParseListener.class.getName());
		}

		private static ExecutionListener withoutAuthorization(ExecutionListener coverage) {
			return execution -> Context.getCommandContext().runWithoutAuthorization(() -> {
				coverage.notify(execution);
				return null;
			});
		}

	}

}
