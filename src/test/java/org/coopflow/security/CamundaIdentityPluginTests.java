package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.coopflow.CoopflowTest;
import org.coopflow.reference.Office;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The READ grants that let officers and coordinators see each other follow app_user at each start.
 * Each test changes accounts inside a transaction that is rolled back afterwards.
 */
@CoopflowTest
@Transactional
class CamundaIdentityPluginTests {

	@Autowired
	CamundaIdentityPlugin plugin;

	@Autowired
	ProcessEngine engine;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	AccountRepository accounts;

	@Autowired
	JdbcClient jdbc;

	private boolean colleaguesMayRead(String username) {
		return authorizations.isUserAuthorized("someOfficer", List.of(Role.PROGRAMME_OFFICER.name()),
				Permissions.READ, Resources.USER, username)
				&& authorizations.isUserAuthorized("someCoordinator", List.of(Role.COORDINATOR.name()),
						Permissions.READ, Resources.USER, username);
	}

	@Test
	void aNewOfficerIsVisibleToColleaguesAfterTheNextStart() {
		accounts.insert("officerNew", "{noop}x", "New officer", Role.PROGRAMME_OFFICER, Office.OHCHR, null);
		assertThat(colleaguesMayRead("officerNew")).isFalse();
		plugin.postProcessEngineBuild(engine);
		assertThat(colleaguesMayRead("officerNew")).isTrue();
	}

	@Test
	void anOfficerWhoBecomesADonorIsHiddenAfterTheNextStart() {
		assertThat(colleaguesMayRead("reviewerOhchr")).isTrue();
		jdbc.sql("UPDATE app_user SET role = 'DONOR', office_code = NULL, country_code = 'NO' WHERE username = 'reviewerOhchr'")
			.update();
		plugin.postProcessEngineBuild(engine);
		assertThat(colleaguesMayRead("reviewerOhchr")).isFalse();
		assertThat(colleaguesMayRead("officerOhchr")).isTrue();
	}

	@Test
	void donorsAndAdministratorsAreNeverGranted() {
		assertThat(colleaguesMayRead("donorNorway")).isFalse();
		assertThat(colleaguesMayRead("admin")).isFalse();
	}

	@Test
	void theReadOnAllFiltersOfEarlierReleasesBecomesCreateAtTheNextStart() {
		Authorization grant = authorizations.createAuthorizationQuery()
			.groupIdIn(Role.COORDINATOR.name())
			.resourceType(Resources.FILTER)
			.resourceId(Authorization.ANY)
			.singleResult();
		assertThat(grant.isPermissionGranted(Permissions.CREATE)).isTrue();
		assertThat(grant.isPermissionGranted(Permissions.READ)).as("everyone's own filters stay theirs").isFalse();
		// as an earlier release left it
		grant.removePermission(Permissions.CREATE);
		grant.addPermission(Permissions.READ);
		authorizations.saveAuthorization(grant);

		plugin.postProcessEngineBuild(engine);
		assertThat(authorizations.isUserAuthorized("someCoordinator", List.of(Role.COORDINATOR.name()), Permissions.CREATE,
				Resources.FILTER, Authorization.ANY)).isTrue();
		assertThat(authorizations.isUserAuthorized("someCoordinator", List.of(Role.COORDINATOR.name()), Permissions.READ,
				Resources.FILTER, "someoneElsesFilter")).isFalse();
	}

}
