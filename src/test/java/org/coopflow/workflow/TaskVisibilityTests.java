package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.coopflow.CoopflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CoopflowTest
class TaskVisibilityTests {

	@Autowired
	ProcessEngine engine;

	/**
	 * Under the engine's default, auto, only a user who has a REVOKE of their own gets the revoke-aware
	 * task query; everyone else gets a join on ACT_RU_AUTHORIZATION by an OR, which MariaDB answered in
	 * 10 s and more for "My office's unclaimed tasks" at 20,000 tasks (bench/README.md). The setting
	 * once sat under generic-properties, where the starter's own default replaced it.
	 */
	@Test
	void revokesAreCheckedForEveryUserNotOnlyForThoseWithARevoke() {
		assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getAuthorizationCheckRevokes())
			.isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
	}

}
