package org.coopflow.security;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.coopflow.reference.Office;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Camunda's view of coopflow's user store: users are the enabled accounts, groups are derived from
 * roles and offices. Read-only, so Camunda Admin shows users and groups but cannot fork them into a
 * second store. One instance lives for one engine command.
 * <p>
 * Like Camunda's own database provider, it shows the signed-in user only the users and groups that
 * user may READ (USER and GROUP authorizations; {@link CamundaIdentityPlugin} grants officers and
 * coordinators each other). Camunda administrators, the engine's own lookups without authorization
 * checks, and code running without a signed-in user see everything; everyone sees themselves.
 */
class CamundaIdentityProvider implements ReadOnlyIdentityProvider {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	CamundaIdentityProvider(AccountRepository accounts, PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	/** Every group coopflow can put a user in, with a name people read in Camunda Admin. */
	static Map<String, String> allGroups() {
		Map<String, String> groups = new LinkedHashMap<>();
		groups.put(Groups.CAMUNDA_ADMIN, "coopflow administrators");
		groups.put(Role.DONOR.name(), "Member State donors");
		groups.put(Role.PROGRAMME_OFFICER.name(), "Programme officers (both offices)");
		groups.put(Role.COORDINATOR.name(), "Coordinators (both offices)");
		for (Office office : Office.values()) {
			groups.put(Role.PROGRAMME_OFFICER.groupOf(office), "Programme officers (" + office + ")");
			groups.put(Role.COORDINATOR.groupOf(office), "Coordinators (" + office + ")");
		}
		return groups;
	}

	@Override
	public User findUserById(String userId) {
		return accounts.findByUsername(userId)
			.filter(Account::enabled)
			.filter(account -> readable(Context.getCommandContext(), Resources.USER, account.username()))
			.map(CamundaIdentityProvider::toUser)
			.orElse(null);
	}

	@Override
	public UserQuery createUserQuery() {
		return new AccountUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
	}

	@Override
	public UserQuery createUserQuery(CommandContext commandContext) {
		return new AccountUserQuery();
	}

	@Override
	public NativeUserQuery createNativeUserQuery() {
		throw new BadUserRequestException("Native user queries are not supported: coopflow keeps its users in its own tables");
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		// Camunda answers "is this password right?" to any signed-in user (engine-rest's and Tasklist's
		// identity/verify, the webapps' login): outside coopflow's sign-in throttle, a guessing tool.
		// People sign in at /login; only an administrator may ask the engine.
		CommandContext context = Context.getCommandContext();
		Authentication current = context == null ? null : context.getAuthentication();
		if (current != null && current.getUserId() != null
				&& !context.getAuthorizationManager().isCamundaAdmin(current)) {
			throw new AuthorizationException(current.getUserId() + " may not check passwords: only an administrator may");
		}
		if (userId == null || password == null) {
			return false;
		}
		return accounts.findByUsername(userId)
			.filter(Account::enabled)
			.map(account -> passwordEncoder.matches(password, account.passwordHash()))
			.orElse(false);
	}

	@Override
	public Group findGroupById(String groupId) {
		String name = allGroups().get(groupId);
		return name == null || !readable(Context.getCommandContext(), Resources.GROUP, groupId) ? null
				: toGroup(groupId, name);
	}

	@Override
	public GroupQuery createGroupQuery() {
		return new RoleGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
	}

	@Override
	public GroupQuery createGroupQuery(CommandContext commandContext) {
		return new RoleGroupQuery();
	}

	@Override
	public Tenant findTenantById(String tenantId) {
		return null;
	}

	@Override
	public TenantQuery createTenantQuery() {
		return new NoTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
	}

	@Override
	public TenantQuery createTenantQuery(CommandContext commandContext) {
		return new NoTenantQuery();
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

	/**
	 * Camunda's rule for its own identity queries (AuthorizationManager#configureQuery): checked only
	 * when authorization is on, checks are not switched off for this command, someone is signed in and
	 * that someone is not a Camunda administrator; then READ on the user or group, grants and revokes
	 * alike. A user may always see their own profile, as with Camunda's LDAP plugin.
	 */
	private static boolean readable(CommandContext context, Resource resource, String id) {
		if (context == null || !context.isAuthorizationCheckEnabled()
				|| !context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
			return true;
		}
		Authentication current = context.getAuthentication();
		if (current == null || current.getUserId() == null) {
			return true;
		}
		AuthorizationManager authorizations = context.getAuthorizationManager();
		if (authorizations.isCamundaAdmin(current)) {
			return true;
		}
		if (resource == Resources.USER && id.equals(current.getUserId())) {
			return true;
		}
		return authorizations.isAuthorized(current.getUserId(), current.getGroupIds(), Permissions.READ, resource, id);
	}

	private static User toUser(Account account) {
		UserEntity user = new UserEntity(account.username());
		// coopflow keeps one display name: names do not split into first and last in every culture
		user.setFirstName(account.displayName());
		user.setLastName("");
		user.setEmail(account.email());
		return user;
	}

	private static Group toGroup(String id, String name) {
		GroupEntity group = new GroupEntity(id);
		group.setName(name);
		group.setType(Groups.CAMUNDA_ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
		return group;
	}

	/** Camunda's LIKE patterns use % and _ as SQL does. */
	static Predicate<String> like(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (char c : pattern.toCharArray()) {
			switch (c) {
				case '%' -> regex.append(".*");
				case '_' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		Pattern compiled = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
		return value -> value != null && compiled.matcher(value).matches();
	}

	private static <T> List<T> page(Stream<T> items, Page page) {
		if (page != null) {
			items = items.skip(page.getFirstResult()).limit(page.getMaxResults());
		}
		return items.toList();
	}

	private final class AccountUserQuery extends UserQueryImpl {

		AccountUserQuery() {
		}

		AccountUserQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
			super(executor);
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return matching(commandContext).count();
		}

		@Override
		public List<User> executeList(CommandContext commandContext, Page page) {
			return page(matching(commandContext).map(CamundaIdentityProvider::toUser), page);
		}

		private Stream<Account> matching(CommandContext commandContext) {
			if (tenantId != null || procDefId != null) {
				return Stream.empty();
			}
			return accounts.findAllEnabled()
				.stream()
				.filter(a -> id == null || id.equals(a.username()))
				.filter(a -> ids == null || Arrays.asList(ids).contains(a.username()))
				.filter(a -> firstName == null || firstName.equals(a.displayName()))
				.filter(a -> firstNameLike == null || like(firstNameLike).test(a.displayName()))
				.filter(a -> lastName == null || lastName.isEmpty())
				.filter(a -> lastNameLike == null || like(lastNameLike).test(""))
				.filter(a -> email == null || email.equals(a.email()))
				.filter(a -> emailLike == null || like(emailLike).test(a.email()))
				.filter(a -> groupId == null || a.camundaGroups().contains(groupId))
				.filter(a -> readable(commandContext, Resources.USER, a.username()))
				.sorted(Comparator.comparing(Account::username));
		}

	}

	private final class RoleGroupQuery extends GroupQueryImpl {

		RoleGroupQuery() {
		}

		RoleGroupQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
			super(executor);
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return matching(commandContext).count();
		}

		@Override
		public List<Group> executeList(CommandContext commandContext, Page page) {
			return page(matching(commandContext), page);
		}

		private Stream<Group> matching(CommandContext commandContext) {
			if (tenantId != null || procDefId != null) {
				return Stream.empty();
			}
			List<String> membership = userId == null ? null
					: accounts.findByUsername(userId).filter(Account::enabled).map(Account::camundaGroups).orElse(List.of());
			return allGroups().entrySet()
				.stream()
				.map(e -> toGroup(e.getKey(), e.getValue()))
				.filter(g -> id == null || id.equals(g.getId()))
				.filter(g -> ids == null || Arrays.asList(ids).contains(g.getId()))
				.filter(g -> name == null || name.equals(g.getName()))
				.filter(g -> nameLike == null || like(nameLike).test(g.getName()))
				.filter(g -> type == null || type.equals(g.getType()))
				.filter(g -> membership == null || membership.contains(g.getId()))
				.filter(g -> readable(commandContext, Resources.GROUP, g.getId()))
				.sorted(Comparator.comparing(Group::getId));
		}

	}

	/** coopflow does not use Camunda tenants: the offices are groups. */
	private static final class NoTenantQuery extends TenantQueryImpl {

		NoTenantQuery() {
		}

		NoTenantQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
			super(executor);
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return 0;
		}

		@Override
		public List<Tenant> executeList(CommandContext commandContext, Page page) {
			return List.of();
		}

	}

}
