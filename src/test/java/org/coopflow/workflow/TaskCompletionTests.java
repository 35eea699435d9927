package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

class TaskCompletionTests {

	private final IdentityService identity = mock(IdentityService.class);

	private final DelegateTask task = mock(DelegateTask.class);

	TaskCompletionTests() {
		ProcessEngineServices services = mock(ProcessEngineServices.class);
		when(services.getIdentityService()).thenReturn(identity);
		when(task.getProcessEngineServices()).thenReturn(services);
	}

	@Test
	void theAuthenticatedUserCompletesTheTaskWhoeverItIsAssignedTo() {
		when(identity.getCurrentAuthentication()).thenReturn(new Authentication("officerBruno", List.of()));
		when(task.getAssignee()).thenReturn("officerAmina");

		assertThat(TaskCompletion.completedBy(task)).isEqualTo("officerBruno");
	}

	@Test
	void withoutAnAuthenticatedUserTheAssigneeCompletesTheTask() {
		when(task.getAssignee()).thenReturn("officerAmina");

		assertThat(TaskCompletion.completedBy(task)).isEqualTo("officerAmina");
	}

	@Test
	void anAuthenticationWithoutAUserFallsBackToTheAssignee() {
		when(identity.getCurrentAuthentication()).thenReturn(new Authentication(null, List.of("PROGRAMME_OFFICER_CPCJD")));
		when(task.getAssignee()).thenReturn("officerAmina");

		assertThat(TaskCompletion.completedBy(task)).isEqualTo("officerAmina");
	}

	@Test
	void refusesACompletionNobodyCanBeNamedFor() {
		assertThatThrownBy(() -> TaskCompletion.completedBy(task)).isInstanceOf(BadUserRequestException.class)
			.hasMessageStartingWith("Claim the task before completing it");
	}

}
