package org.coopflow.workflow;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.coopflow.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps Tasklist's shared filters at every start: created when missing, updated when their query or
 * properties changed, each readable by the groups that need it. "My tasks", "My office's unclaimed
 * tasks", "Overdue" and "Due this week" for officers and coordinators, then one per kind of work, which
 * each process's {@link TaskGuide} declares. Shared filters have no owner; a filter a person creates in
 * Tasklist is theirs, and no one else reads it.
 */
@org.springframework.modulith.NamedInterface("api")
@Component
public class TasklistFilters {

	public static final String MY_TASKS = "My tasks";

	public static final String MY_OFFICE_UNCLAIMED = "My office's unclaimed tasks";

	public static final String OVERDUE = "Overdue";

	public static final String DUE_THIS_WEEK = "Due this week";

	private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

	private static final List<String> OFFICE_ROLES = List.of(Role.PROGRAMME_OFFICER.name(), Role.COORDINATOR.name());

	private final FilterService filters;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	private final ObjectProvider<TaskGuide> guides;

	TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
			ObjectProvider<TaskGuide> guides) {
		this.filters = filters;
		this.tasks = tasks;
		this.authorizations = authorizations;
		this.guides = guides;
	}

	/** A shared filter as coopflow keeps it. */
	record Shared(String name, String description, int priority, String color, TaskQuery query, List<String> groups) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void keep() {
		for (Shared shared : shared()) {
			Filter filter = keep(shared);
			for (String group : shared.groups()) {
				grantRead(group, filter.getId());
			}
		}
	}

	/** The shared filters, most used first (Tasklist lists them by priority). */
	List<Shared> shared() {
		List<Shared> all = new ArrayList<>();
		all.add(new Shared(MY_TASKS, "Tasks you have claimed, the soonest due first.", -40, "#3c6e9f",
				byDue(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")), OFFICE_ROLES));
		all.add(new Shared(MY_OFFICE_UNCLAIMED, "Tasks for your office that no one has claimed yet; claim one to work on it.",
				-30, "#5b8c3a", officeUnclaimed(tasks.createTaskQuery()), OFFICE_ROLES));
		all.add(new Shared(OVERDUE, "Tasks past their due date: coopflow has reminded whoever should act.", -20, "#b03a2e",
				byDue(tasks.createTaskQuery().dueBeforeExpression("${now()}")), OFFICE_ROLES));
		all.add(new Shared(DUE_THIS_WEEK, "Tasks due in the next 7 days.", -10, "#c98a1b",
				byDue(tasks.createTaskQuery()
					.dueAfterExpression("${now()}")
					.dueBeforeExpression("${dateTime().plusDays(7).toDate()}")), OFFICE_ROLES));
		List<Shared> kinds = new ArrayList<>();
		for (TaskGuide guide : guides.orderedStream().toList()) {
			for (TaskGuide.WorkFilter work : guide.filters()) {
				kinds.add(new Shared(work.name(), work.description(), 0, null,
						byDue(tasks.createTaskQuery()
							.processDefinitionKey(guide.processDefinitionKey())
							.taskDefinitionKeyIn(work.taskDefinitionKeys().toArray(String[]::new))),
						work.groups()));
			}
		}
		// by name, so that a start lists them as the one before, whatever order the guides come in
		kinds.sort(java.util.Comparator.comparing(Shared::name));
		int priority = 0;
		for (Shared kind : kinds) {
			all.add(new Shared(kind.name(), kind.description(), priority += 10, kind.color(), kind.query(), kind.groups()));
		}
		return all;
	}

	/** The id of the shared filter of that name, for a link to it ({@link TasklistLinks#filter(String)}). */
	public Optional<String> idOf(String name) {
		return filters.createTaskFilterQuery()
			.filterName(name)
			.list()
			.stream()
			.filter(f -> f.getOwner() == null)
			.map(Filter::getId)
			.findFirst();
	}

	/**
	 * "My office's unclaimed tasks": what {@link OfficeQueueFilterService} answers from {@link UnclaimedTasks}
	 * whenever a filter holds exactly this query.
	 */
	public static TaskQuery officeUnclaimed(TaskQuery fresh) {
		return byDue(fresh.taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
	}

	private static TaskQuery byDue(TaskQuery query) {
		return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
	}

	private Filter keep(Shared shared) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", shared.description());
		properties.put("priority", shared.priority());
		// Tasklist counts a filter's tasks and, with refresh, keeps the count and the list current
		properties.put("refresh", true);
		if (shared.color() != null) {
			properties.put("color", shared.color());
		}
		List<Filter> existing = filters.createTaskFilterQuery().filterName(shared.name()).list()
			.stream()
			.filter(f -> f.getOwner() == null)
			.toList();
		Filter filter = existing.isEmpty() ? filters.newTaskFilter(shared.name()) : existing.get(0);
		String before = existing.isEmpty() ? null : queryJson(filter);
		Map<String, Object> propertiesBefore = filter.getProperties();
		filter.setQuery(shared.query());
		filter.setProperties(properties);
		if (existing.isEmpty() || !Objects.equals(before, queryJson(filter))
				|| !Objects.equals(String.valueOf(new TreeMap<>(propertiesBefore)), String.valueOf(new TreeMap<>(properties)))) {
			filter = filters.saveFilter(filter);
			log.info("{} the shared Tasklist filter \"{}\"", existing.isEmpty() ? "Created" : "Updated", shared.name());
		}
		return filter;
	}

	private static String queryJson(Filter filter) {
		return ((FilterEntity) filter).getQueryInternal();
	}

	private void grantRead(String group, String filterId) {
		boolean present = authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(Resources.FILTER)
			.resourceId(filterId)
			.count() > 0;
		if (present) {
			return;
		}
		Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
		grant.setGroupId(group);
		grant.setResource(Resources.FILTER);
		grant.setResourceId(filterId);
		grant.addPermission(Permissions.READ);
		authorizations.saveAuthorization(grant);
	}

}
