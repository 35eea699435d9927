package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
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

	/** The group's authorizations on one resource, of any type. */
	private AuthorizationQuery on(String group, Resource resource, String resourceId) {
		return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId);
	}

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
	void aGrantRemovedByHandIsBackAfterTheNextStart() {
		Authorization report = on(Groups.CAMUNDA_ADMIN, Resources.REPORT, Authorization.ANY).singleResult();
		authorizations.deleteAuthorization(report.getId());
		Authorization tasklist = on(Role.COORDINATOR.name(), Resources.APPLICATION, "tasklist").singleResult();
		authorizations.deleteAuthorization(tasklist.getId());

		plugin.postProcessEngineBuild(engine);
		assertThat(authorizations.isUserAuthorized("someAdmin", List.of(Groups.CAMUNDA_ADMIN), Permissions.ALL,
				Resources.REPORT, Authorization.ANY)).isTrue();
		assertThat(authorizations.isUserAuthorized("someCoordinator", List.of(Role.COORDINATOR.name()), Permissions.ACCESS,
				Resources.APPLICATION, "tasklist")).isTrue();
	}

	@Test
	void aRevokeAnAdministratorSetStaysAtTheNextStart() {
		Authorization tasklist = on(Role.COORDINATOR.name(), Resources.APPLICATION, "tasklist").singleResult();
		authorizations.deleteAuthorization(tasklist.getId());
		Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
		revoke.setGroupId(Role.COORDINATOR.name());
		revoke.setResource(Resources.APPLICATION);
		revoke.setResourceId("tasklist");
		revoke.removePermission(Permissions.ACCESS);
		authorizations.saveAuthorization(revoke);

		plugin.postProcessEngineBuild(engine);
		assertThat(on(Role.COORDINATOR.name(), Resources.APPLICATION, "tasklist").list())
			.extracting(Authorization::getAuthorizationType)
			.containsExactly(Authorization.AUTH_TYPE_REVOKE);
		assertThat(authorizations.isUserAuthorized("someCoordinator", List.of(Role.COORDINATOR.name()), Permissions.ACCESS,
				Resources.APPLICATION, "tasklist")).isFalse();
	}

	@Test
	void aStartWithNothingToChangeAsksTheEngineTheSameFewQueriesWhateverTheNumberOfAccounts() {
		for (int i = 0; i < 40; i++) {
			accounts.insert("officerMany" + i, "{noop}x", "Officer " + i, Role.PROGRAMME_OFFICER, Office.CPCJD, null);
			accounts.insert("donorMany" + i, "{noop}x", "Donor " + i, Role.DONOR, null, "NO");
		}
		plugin.postProcessEngineBuild(engine);
		assertThat(colleaguesMayRead("officerMany39")).isTrue();

		Map<String, Integer> calls = new TreeMap<>();
		plugin.postProcessEngineBuild(counting(calls));
		// one query for what the groups hold, one per office role for its filter grant; no grant, no delete
		assertThat(calls).isEqualTo(Map.of("createAuthorizationQuery", 3));
		assertThat(colleaguesMayRead("officerMany39")).isTrue();
		assertThat(colleaguesMayRead("donorMany39")).isFalse();
	}

	/** The engine, its authorization service counting the calls the plugin makes on it. */
	private ProcessEngine counting(Map<String, Integer> calls) {
		AuthorizationService counted = (AuthorizationService) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { AuthorizationService.class }, (proxy, method, args) -> {
					calls.merge(method.getName(), 1, Integer::sum);
					return unwrapped(() -> method.invoke(authorizations, args));
				});
		return (ProcessEngine) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { ProcessEngine.class },
				(proxy, method, args) -> method.getName().equals("getAuthorizationService") ? counted
						: unwrapped(() -> method.invoke(engine, args)));
	}

	private interface Invocation {

		Object invoke() throws Exception;

	}

	/** The invoked method's own exception rather than reflection's wrapper. */
	private static Object unwrapped(Invocation invocation) throws Throwable {
		try {
			return invocation.invoke();
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

	@Test
	void donorsAndAdministratorsAreNeverGranted() {
		assertThat(colleaguesMayRead("donorNorway")).isFalse();
		assertThat(colleaguesMayRead("admin")).isFalse();
	}

	@Test
	void theReadOnAllFiltersOfEarlierReleasesBecomesCreateAtTheNextStart() {
		Authorization grant = on(Role.COORDINATOR.name(), Resources.FILTER, Authorization.ANY).singleResult();
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
