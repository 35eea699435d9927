package org.coopflow.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Camunda's filter service, which answers "My office's unclaimed tasks" (any filter holding exactly
 * {@link TasklistFilters#officeUnclaimed}'s query) from {@link UnclaimedTasks}: the page's tasks and the
 * count in the order of its index, the engine asked only about the tasks on the page and about the few it
 * might hide. Camunda's own query checks the authorizations of every unclaimed task of the reader's
 * groups before it can sort or count them, which at 20,000 open tasks costs hundreds of milliseconds per
 * page on MariaDB.
 *
 * <p>Who may read a task stays the engine's decision. With revokes checked ({@code always}), an unclaimed
 * task of the reader's groups whose group holds a READ grant on it is theirs to read, unless a REVOKE on
 * the task names the reader or one of their groups (the four-eyes rule's, {@link TaskVisibility}); a grant
 * of the reader's own or on a process definition can only add to that. So the tasks a REVOKE names, the
 * tasks whose group's grant was taken away, and with Tasklist's {@code active} the suspended tasks, are put
 * to the filter's own query, and those it does not return are left out of the page and the count. The
 * tasks on a page are read through the filter's own query too, so nothing the engine hides is shown. Every
 * other case is Camunda's: another query or extension (a search, a sort by anything but the due date or
 * creation), a reader without groups or with tenants, an administrator (who sees every tenant's tasks), a
 * REVOKE on all tasks, a page of more than {@value #MOST} tasks, or more than {@value #MOST} tasks to put to
 * the engine.
 */
class OfficeQueueFilterService extends FilterServiceImpl {

	/** More tasks than this to ask the engine about, and the engine's own query answers. */
	static final int MOST = 1_000;

	private static final JsonTaskQueryConverter JSON = new JsonTaskQueryConverter();

	private static final String QUERY = JSON.toJson(TasklistFilters.officeUnclaimed(new TaskQueryImpl()));

	private final Supplier<UnclaimedTasks> unclaimed;

	OfficeQueueFilterService(Supplier<UnclaimedTasks> unclaimed) {
		this.unclaimed = unclaimed;
	}

	@Override
	public <T> List<T> listPage(String filterId, int firstResult, int maxResults) {
		List<T> page = page(filterId, null, firstResult, maxResults);
		return page != null ? page : super.listPage(filterId, firstResult, maxResults);
	}

	@Override
	public <T, Q extends Query<?, T>> List<T> listPage(String filterId, Q extendingQuery, int firstResult, int maxResults) {
		List<T> page = page(filterId, extendingQuery, firstResult, maxResults);
		return page != null ? page : super.listPage(filterId, extendingQuery, firstResult, maxResults);
	}

	@Override
	public Long count(String filterId) {
		Long count = queueCount(filterId, null);
		return count != null ? count : super.count(filterId);
	}

	@Override
	public Long count(String filterId, Query<?, ?> extendingQuery) {
		Long count = queueCount(filterId, extendingQuery);
		return count != null ? count : super.count(filterId, extendingQuery);
	}

	@SuppressWarnings("unchecked")
	private <T> List<T> page(String filterId, Query<?, ?> extendingQuery, int firstResult, int maxResults) {
		// a page that large (no person reads one) would put every id to the engine in one IN list
		if (filterId == null || maxResults <= 0 || maxResults > MOST || firstResult < 0) {
			return null;
		}
		return commandExecutor.execute(command -> {
			Queue queue = queue(command, filterId, extendingQuery);
			if (queue == null) {
				return null;
			}
			List<String> ids = unclaimed.get().page(queue.groups, queue.hidden, firstResult, maxResults);
			if (ids.isEmpty()) {
				return new ArrayList<T>();
			}
			Map<String, Integer> order = new HashMap<>();
			ids.forEach(id -> order.put(id, order.size()));
			List<Task> tasks = new ArrayList<>(queue.tasks(ids));
			tasks.sort(Comparator.comparing(task -> order.get(task.getId())));
			return (List<T>) tasks;
		});
	}

	private Long queueCount(String filterId, Query<?, ?> extendingQuery) {
		if (filterId == null) {
			return null;
		}
		return commandExecutor.execute(command -> {
			Queue queue = queue(command, filterId, extendingQuery);
			return queue == null ? null : unclaimed.get().count(queue.groups) - queue.hidden.size();
		});
	}

	/** The reader's queue through this filter, or null when the filter is not the office queue's. */
	private Queue queue(CommandContext command, String filterId, Query<?, ?> extendingQuery) {
		// the filter is read as Camunda reads it, with the reader's READ on it checked
		FilterEntity filter = command.getFilterManager().findFilterById(filterId);
		if (filter == null || !QUERY.equals(filter.getQueryInternal())) {
			return null;
		}
		Boolean active = extension(extendingQuery);
		Authentication reader = command.getAuthentication();
		if (active == null || reader == null || reader.getUserId() == null || reader.getGroupIds() == null
				|| reader.getGroupIds().isEmpty() || !command.getTenantManager().isTenantCheckEnabled()
				|| (reader.getTenantIds() != null && !reader.getTenantIds().isEmpty())) {
			return null;
		}
		List<String> groups = List.copyOf(new LinkedHashSet<>(reader.getGroupIds()));
		// a REVOKE on a task naming the reader or one of their groups may hide it; one on all tasks, that
		// only the engine can weigh against the tasks' own grants
		List<String> revoked = unclaimed.get().revoked(reader.getUserId(), groups, MOST + 1);
		if (revoked.contains(Authorization.ANY)) {
			return null;
		}
		Set<String> doubtful = new LinkedHashSet<>(revoked);
		// a task whose group's grant an administrator took away is the engine's to show or not
		doubtful.addAll(unclaimed.get().ungranted(groups));
		if (active) {
			doubtful.addAll(unclaimed.get().suspended(MOST + 1));
		}
		if (doubtful.size() > MOST) {
			return null;
		}
		FilterEntity extended = extendingQuery == null ? filter : (FilterEntity) filter.extend(extendingQuery);
		Queue queue = new Queue(groups, extended);
		Set<String> asked = unclaimed.get().among(groups, doubtful);
		if (!asked.isEmpty()) {
			Set<String> shown = new HashSet<>();
			queue.tasks(asked).forEach(task -> shown.add(task.getId()));
			asked.removeAll(shown);
			queue.hidden.addAll(asked);
		}
		return queue;
	}

	/**
	 * Whether the extending query asks for active tasks only (true), for nothing (false), or for something
	 * the office queue does not answer (null): only the due date and the creation, which the filter already
	 * sorts by, may order it.
	 */
	private static Boolean extension(Query<?, ?> extendingQuery) {
		if (extendingQuery == null) {
			return false;
		}
		if (!(extendingQuery instanceof TaskQueryImpl query)) {
			return null;
		}
		for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
			if (ordering.getRelation() != null || !(TaskQueryProperty.DUE_DATE.equals(ordering.getQueryProperty())
					|| TaskQueryProperty.CREATE_TIME.equals(ordering.getQueryProperty()))) {
				return null;
			}
		}
		// nothing else may be asked: the same orderings and suspension state on an empty query say the same
		boolean active = SuspensionState.ACTIVE.equals(query.getSuspensionState());
		TaskQueryImpl plain = new TaskQueryImpl();
		if (active) {
			plain.active();
		}
		plain.setOrderingProperties(new ArrayList<>(query.getOrderingProperties()));
		return JSON.toJson(query).equals(JSON.toJson(plain)) ? active : null;
	}

	/** A reader's groups, the filter as extended, and the tasks of the groups the engine hides from them. */
	private static final class Queue {

		private final List<String> groups;

		private final FilterEntity filter;

		private final Set<String> hidden = new HashSet<>();

		Queue(List<String> groups, FilterEntity filter) {
			this.groups = groups;
			this.filter = filter;
		}

		/** Those of the tasks the filter's own query returns to the reader. */
		List<Task> tasks(Collection<String> ids) {
			TaskQuery query = (TaskQuery) filter.extend(new TaskQueryImpl().taskIdIn(ids.toArray(String[]::new))).getQuery();
			query.initializeFormKeys();
			return query.list();
		}

	}

}
