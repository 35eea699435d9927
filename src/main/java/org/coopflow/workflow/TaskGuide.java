package org.coopflow.workflow;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a person needs to see of a user task in Tasklist's list before opening it: a name that says what
 * the task is about, a description of what to do and what the record is, when it is due and when
 * coopflow follows it up. Each module that owns a process implements it, reading the record the
 * process's business key names; {@code GuideTaskListener} asks it when a task of that process is
 * created.
 */
@org.springframework.modulith.NamedInterface("ports")
public interface TaskGuide {

	/** The process whose tasks this guide describes. */
	String processDefinitionKey();

	/** The guidance for a task of that process that is being created. */
	Guidance guide(DelegateTask task);

	/** The shared Tasklist filters for this process's kinds of work; {@link TasklistFilters} keeps them. */
	default List<WorkFilter> filters() {
		return List.of();
	}

	/**
	 * A shared Tasklist filter listing one kind of work.
	 *
	 * @param name as Tasklist lists it, e.g. "Pledges to verify"
	 * @param description what it lists, shown when hovering over it in Tasklist
	 * @param taskDefinitionKeys the user tasks it lists
	 * @param groups the Camunda groups that may read it, e.g. {@code PROGRAMME_OFFICER}
	 */
	@org.springframework.modulith.NamedInterface("ports")
	record WorkFilter(String name, String description, List<String> taskDefinitionKeys, List<String> groups) {
	}

	/**
	 * @param name what the task is about, e.g. "Verify pledge — Norway, NOK 100,000 to CPCJD"; shortened to
	 * what Camunda keeps when longer
	 * @param description a sentence or two: what to do, and what the record is
	 * @param due when the task is due; null leaves the due date the task already has
	 * @param followUp when coopflow follows the task up (escalates it); null for none
	 */
	@org.springframework.modulith.NamedInterface("ports")
	record Guidance(String name, String description, Date due, Date followUp) {
	}

	/** A title shortened to at most {@code max} characters, at a word where one is near, marked with "…". */
	static String shortened(String text, int max) {
		if (text == null) {
			return "";
		}
		String trimmed = text.strip().replaceAll("\\s+", " ");
		if (trimmed.length() <= max) {
			return trimmed;
		}
		String cut = trimmed.substring(0, max - 1);
		int space = cut.lastIndexOf(' ');
		if (space > max * 2 / 3) {
			cut = cut.substring(0, space);
		}
		return cut.stripTrailing() + "…";
	}

}
