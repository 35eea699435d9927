package org.coopflow.workflow;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.WaitingWork;
import org.springframework.stereotype.Component;

/**
 * An officer's or coordinator's open tasks: those assigned to them and those their office's group may
 * claim, soonest due first, each opening in Tasklist. Read as that person, so that what the home page
 * lists is what Tasklist shows them (a review hidden from its author stays hidden).
 */
@Component
class OpenTasksWaiting implements WaitingWork {

	private static final int SHOWN = 10;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

	private final TaskService tasks;

	private final AsPerson asPerson;

	private final Clock clock;

	OpenTasksWaiting(TaskService tasks, AsPerson asPerson, Clock clock) {
		this.tasks = tasks;
		this.clock = clock;
		this.asPerson = asPerson;
	}

	@Override
	public Optional<Section> of(CoopflowUser user) {
		if (!user.getRole().isBoundToOffice()) {
			return Optional.empty();
		}
		return Optional.of(asPerson.call(user, () -> section(user)));
	}

	private Section section(CoopflowUser user) {
		// the office's group only: the bare role's group spans both offices
		List<String> groups = List.of(user.getRole().groupOf(user.getOffice()));
		var query = tasks.createTaskQuery()
			.active()
			.or()
			.taskAssignee(user.getUsername())
			.taskCandidateGroupIn(groups)
			.endOr();
		// the engine's clock, which set the due dates
		Date now = Date.from(clock.instant());
		List<Item> items = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, SHOWN)
			.stream()
			.map(task -> item(task, user, now))
			.toList();
		long total = query.count();
		String heading = total == 0 ? "Your tasks" : total == 1 ? "Your task: 1" : "Your tasks: " + total;
		return new Section("tasks", 10, heading, "No task waits for you or your office.", items,
				total > SHOWN ? "All your tasks in Tasklist" : "Tasklist", TasklistLinks.HOME);
	}

	private static Item item(Task task, CoopflowUser user, Date now) {
		String who = user.getUsername().equals(task.getAssignee()) ? "assigned to you" : "your office's, unclaimed";
		Date due = task.getDueDate();
		String detail = due == null ? who : who + "; due " + DAY.format(due.toInstant());
		return new Item(task.getName(), TasklistLinks.task(task.getId()), detail, due != null && due.before(now));
	}

}
