package org.coopflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import org.coopflow.reference.Office;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Plugs coopflow's user store into the Camunda engine, switches Camunda authorizations on, and grants
 * at every start what each role needs in Camunda's webapps (creating only grants that are missing,
 * so an administrator's own changes in Camunda Admin survive a restart).
 * <p>
 * Officers and coordinators see each other in Tasklist (assignees, candidate groups) through READ
 * grants on each such user and on the office groups; donors and administrators get none, so their
 * accounts and e-mail addresses stay hidden. The user grants follow {@code app_user} at each start:
 * an account that is no longer an enabled officer or coordinator loses them.
 */
@Component
class CamundaIdentityPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(CamundaIdentityPlugin.class);

	private static final List<Role> OFFICE_ROLES = List.of(Role.PROGRAMME_OFFICER, Role.COORDINATOR);

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
		// the accounts before the grants: a user another node adds meanwhile then either is not here (AddUser
		// grants it) or has its grant in held, never an account without its committed grant (a duplicate key)
		List<Account> all = accounts.findAll();
		// what these groups already hold, read in one query: a restart then asks nothing per grant or per
		// account (two queries per account before, most of a restart's work here with a few hundred users)
		Set<Key> held = held(authorizations);
		for (Resource resource : Resources.values()) {
			grant(authorizations, held, Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
		}
		for (Role role : OFFICE_ROLES) {
			String group = role.name();
			grant(authorizations, held, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			// CREATE: officers and coordinators keep filters of their own (their owner gets all permissions
			// on each); READ is granted per shared filter (workflow.TasklistFilters), never on all filters,
			// which would show everyone's own filters to everyone
			mayCreateFilters(authorizations, group);
			// READ only: READ_TASK here would show every task of a process to both offices; tasks
			// become visible through their per-office candidate groups instead
			grant(authorizations, held, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
			grant(authorizations, held, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
			for (Role colleagues : OFFICE_ROLES) {
				grant(authorizations, held, group, Resources.GROUP, colleagues.name(), Permissions.READ);
				for (Office office : Office.values()) {
					grant(authorizations, held, group, Resources.GROUP, colleagues.groupOf(office), Permissions.READ);
				}
			}
		}
		for (Account account : all) {
			followAccount(authorizations, held, account);
		}
	}

	/**
	 * Officers and coordinators see an account in Tasklist while it is an enabled officer or coordinator;
	 * at every start for every account, and when an administrator adds, disables or enables one.
	 */
	static void followAccount(AuthorizationService authorizations, Account account) {
		followAccount(authorizations, null, account);
	}

	private static void followAccount(AuthorizationService authorizations, Set<Key> held, Account account) {
		for (Role role : OFFICE_ROLES) {
			if (account.enabled() && account.role().isBoundToOffice()) {
				grant(authorizations, held, role.name(), Resources.USER, account.username(), Permissions.READ);
			}
			else if (held == null || held.contains(new Key(role.name(), Resources.USER.resourceType(), account.username()))) {
				withdrawRead(authorizations, role.name(), account.username());
			}
		}
	}

	/**
	 * Every authorization (grant or revoke) of the groups this plugin grants to: a few per group and one per
	 * officer or coordinator per office role, never a task's (tasks, their history and escalations go to
	 * the per-office groups; were a role group ever a task's candidate group, this would grow with history).
	 */
	private static Set<Key> held(AuthorizationService authorizations) {
		String[] groups = Stream.concat(Stream.of(Groups.CAMUNDA_ADMIN), OFFICE_ROLES.stream().map(Role::name))
			.toArray(String[]::new);
		return authorizations.createAuthorizationQuery()
			.groupIdIn(groups)
			.list()
			.stream()
			.map(authorization -> new Key(authorization.getGroupId(), authorization.getResourceType(),
					authorization.getResourceId()))
			.collect(Collectors.toCollection(HashSet::new));
	}

	/** A group's authorization on one resource, whatever its type and permissions. */
	private record Key(String group, int resourceType, String resourceId) {
	}

	/**
	 * Grants CREATE on filters; the READ on all filters that earlier starts granted instead becomes it (an
	 * administrator's wider grant is left as it is).
	 */
	private static void mayCreateFilters(AuthorizationService authorizations, String group) {
		Authorization grant = authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(Resources.FILTER)
			.resourceId(ANY)
			.authorizationType(AUTH_TYPE_GRANT)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
		if (grant == null) {
			grant(authorizations, null, group, Resources.FILTER, ANY, Permissions.CREATE);
			return;
		}
		if (grant.isPermissionGranted(Permissions.CREATE)) {
			return;
		}
		boolean readOnly = grant.isPermissionGranted(Permissions.READ) && !grant.isPermissionGranted(Permissions.UPDATE)
				&& !grant.isPermissionGranted(Permissions.DELETE);
		if (readOnly) {
			grant.removePermission(Permissions.READ);
		}
		grant.addPermission(Permissions.CREATE);
		authorizations.saveAuthorization(grant);
		log.info("Granted Camunda group {} CREATE on filters{}", group, readOnly ? " instead of READ on all" : "");
	}

	/** Removes the READ grant on a user that an earlier start made for a colleague's group, and no other. */
	private static void withdrawRead(AuthorizationService authorizations, String group, String username) {
		List<Authorization> grants = authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(Resources.USER)
			.resourceId(username)
			.authorizationType(AUTH_TYPE_GRANT)
			.list();
		for (Authorization grant : grants) {
			// a grant an administrator widened by hand in Camunda Admin is theirs to remove
			boolean readOnly = grant.isPermissionGranted(Permissions.READ) && !grant.isPermissionGranted(Permissions.UPDATE)
					&& !grant.isPermissionGranted(Permissions.CREATE) && !grant.isPermissionGranted(Permissions.DELETE);
			if (readOnly) {
				authorizations.deleteAuthorization(grant.getId());
				log.info("Withdrew Camunda group {} READ on user {}: no longer an officer or coordinator", group, username);
			}
		}
	}

	/**
	 * Grants the permission unless the group holds any authorization on the resource already; {@code held}
	 * answers that at start (null: ask the engine).
	 */
	private static void grant(AuthorizationService authorizations, Set<Key> held, String group, Resource resource,
			String resourceId, Permission permission) {
		boolean present = held != null ? held.contains(new Key(group, resource.resourceType(), resourceId))
				: authorizations.createAuthorizationQuery()
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
		if (held != null) {
			held.add(new Key(group, resource.resourceType(), resourceId));
		}
		log.info("Granted Camunda group {} {} on {} {}", group, permission.getName(), resource.resourceName(), resourceId);
	}

}
