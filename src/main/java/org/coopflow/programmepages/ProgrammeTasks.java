package org.coopflow.programmepages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.coopflow.overlap.OverlapReviewProcess;
import org.coopflow.programmes.FundingProposalProcess;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.UserDirectory;
import org.coopflow.workflow.AsPerson;
import org.coopflow.workflow.TasklistLinks;
import org.springframework.stereotype.Component;

/**
 * The open user tasks about one programme: of its proposal and implementation, of the pledges to it and
 * of the overlap alerts on it, found by the business keys their processes were started with; read as the
 * person reading the page, so it lists only the tasks Tasklist would show them (their office's).
 */
@Component
class ProgrammeTasks {

	/** A task as the programme page lists it, with the link that opens it in Tasklist. */
	record OpenTask(String id, String name, String assignee, Instant created, Instant due, String link) {
	}

	private final TaskService tasks;

	private final UserDirectory people;

	private final AsPerson asPerson;

	ProgrammeTasks(TaskService tasks, UserDirectory people, AsPerson asPerson) {
		this.tasks = tasks;
		this.people = people;
		this.asPerson = asPerson;
	}

	List<OpenTask> of(CoopflowUser reader, long programmeId, List<Long> pledgeIds, List<Long> alertIds) {
		List<String> keys = new ArrayList<>();
		keys.add(FundingProposalProcess.businessKey(programmeId));
		// the pledge and implementation processes keep their key builders to their modules; the keys are the
		// documented record references (docs/security.md, "Completing a task")
		keys.add("implementation-" + programmeId);
		pledgeIds.forEach(id -> keys.add("pledge-" + id));
		alertIds.forEach(id -> keys.add(OverlapReviewProcess.businessKey(id)));
		return asPerson.call(reader, () -> tasks.createTaskQuery()
			.processInstanceBusinessKeyIn(keys.toArray(String[]::new))
			.active()
			.list())
			.stream()
			.sorted(Comparator.comparing(org.camunda.bpm.engine.task.Task::getCreateTime))
			.map(task -> new OpenTask(task.getId(), task.getName(),
					task.getAssignee() == null ? null : people.displayNameOf(task.getAssignee()),
					task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
					task.getDueDate() == null ? null : task.getDueDate().toInstant(), TasklistLinks.task(task.getId())))
			.toList();
	}

}
