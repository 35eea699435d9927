package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.SQLNonTransientConnectionException;

import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.CannotAcquireLockException;

/**
 * A guide that cannot name a task leaves the model's name, but a database failure while it looked is not
 * swallowed: the transaction may be gone, and going on would fail later with a cause nobody can tell (the
 * fault test's 500 at a Galera kill: a broken link swallowed here, then "Connection is closed").
 */
class GuideTaskListenerTests {

	private static DelegateTask taskOf(String processKey) {
		DelegateTask task = mock(DelegateTask.class);
		ExecutionEntity execution = mock(ExecutionEntity.class);
		ProcessDefinitionEntity definition = mock(ProcessDefinitionEntity.class);
		when(definition.getKey()).thenReturn(processKey);
		when(execution.getProcessDefinition()).thenReturn(definition);
		when(task.getExecution()).thenReturn(execution);
		return task;
	}

	private static GuideTaskListener failingWith(RuntimeException failure) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("guide", new TaskGuide() {
			@Override
			public String processDefinitionKey() {
				return "someProcess";
			}

			@Override
			public Guidance guide(DelegateTask task) {
				throw failure;
			}
		});
		return new GuideTaskListener(beans.getBeanProvider(TaskGuide.class));
	}

	@Test
	void aGuideThatCannotNameTheTaskLeavesTheModelsName() {
		DelegateTask task = taskOf("someProcess");
		assertThatCode(() -> failingWith(new IllegalStateException("No overlap alert 7")).notify(task))
			.doesNotThrowAnyException();
		verify(task, never()).setName(org.mockito.ArgumentMatchers.anyString());
	}

	@Test
	void aBrokenLinkOrADeadlockWhileTheGuideLookedFailsTheTransaction() {
		var brokenLink = new ProcessEnginePersistenceException("An exception occurred in the persistence layer",
				new SQLNonTransientConnectionException("Communications link failure", "08S01"));
		assertThatThrownBy(() -> failingWith(brokenLink).notify(taskOf("someProcess"))).isSameAs(brokenLink);

		var deadlock = new CannotAcquireLockException("Deadlock found when trying to get lock");
		assertThatThrownBy(() -> failingWith(deadlock).notify(taskOf("someProcess"))).isSameAs(deadlock);
	}

}
