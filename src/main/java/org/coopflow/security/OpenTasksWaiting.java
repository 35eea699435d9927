package org.coopflow.security;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.workflow.TasklistLinks;
import org.springframework.stereotype.Component;

/**
 * An officer's or coordinator's open tasks: those assigned to them and those their office's group may
 * claim, soonest due first, each opening in Tasklist.
 */
@Component
class OpenTasksWaiting implements WaitingWork {

	private static final int SHOWN = 10;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

	private final TaskService tasks;

	OpenTasksWaiting(TaskService tasks) {
		this.tasks = tasks;
	}

	@Override
	public Optional<Section> of(CoopflowUser user) {
		if (!user.getRole().isBoundToOffice()) {
			return Optional.empty();
		}
		// the office's group only: the bare role's group spans both offices
		List<String> groups = List.of(user.getRole().groupOf(user.getOffice()));
		var query = tasks.createTaskQuery()
			.active()
			.or()
			.taskAssignee(user.getUsername())
			.taskCandidateGroupIn(groups)
			.endOr();
		Date now = new Date();
		List<Item> items = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, SHOWN)
			.stream()
			.map(task -> item(task, user, now))
			.toList();
		long total = query.count();
		String heading = total == 0 ? "Your tasks" : total == 1 ? "Your task: 1" : "Your tasks: " + total;
		return Optional.of(new Section("tasks", 10, heading, "No task waits for you or your office.", items,
				total > SHOWN ? "All your tasks in Tasklist" : "Tasklist", TasklistLinks.HOME));
	}

	private static Item item(Task task, CoopflowUser user, Date now) {
		String who = user.getUsername().equals(task.getAssignee()) ? "assigned to you" : "your office's, unclaimed";
		Date due = task.getDueDate();
		String detail = due == null ? who : who + "; due " + DAY.format(due.toInstant());
		return new Item(task.getName(), TasklistLinks.task(task.getId()), detail, due != null && due.before(now));
	}

}
