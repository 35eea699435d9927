package org.coopflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Plugs coopflow's user store into the Camunda engine, switches Camunda authorizations on, and grants
 * at every start what each role needs in Camunda's webapps (creating only grants that are missing,
 * so an administrator's own changes in Camunda Admin survive a restart).
 */
@Component
class CamundaIdentityPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(CamundaIdentityPlugin.class);

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	CamundaIdentityPlugin(AccountRepository accounts, PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setAuthorizationEnabled(true);
		configuration.setIdentityProviderSessionFactory(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return ReadOnlyIdentityProvider.class;
			}

			@Override
			public Session openSession() {
				return new CamundaIdentityProvider(accounts, passwordEncoder);
			}
		});
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		AuthorizationService authorizations = engine.getAuthorizationService();
		for (Resource resource : Resources.values()) {
			grant(authorizations, Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
		}
		for (Role role : new Role[] { Role.PROGRAMME_OFFICER, Role.COORDINATOR }) {
			String group = role.name();
			grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(authorizations, group, Resources.FILTER, ANY, Permissions.READ);
			// READ only: READ_TASK here would show every task of a process to both offices; tasks
			// become visible through their per-office candidate groups instead
			grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
			grant(authorizations, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
		}
	}

	private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
			Permission permission) {
		boolean present = authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.count() > 0;
		if (present) {
			return;
		}
		Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
		grant.setGroupId(group);
		grant.setResource(resource);
		grant.setResourceId(resourceId);
		grant.addPermission(permission);
		authorizations.saveAuthorization(grant);
		log.info("Granted Camunda group {} {} on {} {}", group, permission.getName(), resource.resourceName(), resourceId);
	}

}
