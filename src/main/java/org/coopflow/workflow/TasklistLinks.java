package org.coopflow.workflow;

/**
 * Addresses in Camunda Tasklist, relative to the application's context path (Thymeleaf's {@code @{...}}
 * adds it). One home for them, so that every coopflow page that links to a task opens that task, not
 * Tasklist's front page.
 */
@org.springframework.modulith.NamedInterface("api")
public final class TasklistLinks {

	/** Tasklist's own page, on the engine named 'default' (the starter's). */
	public static final String HOME = "/camunda/app/tasklist/default/";

	private TasklistLinks() {
	}

	/** Tasklist with the task open beside the list: its form, history and description. */
	public static String task(String taskId) {
		return HOME + "#/?task=" + taskId;
	}

	/** Tasklist with one of its saved filters chosen (filters are listed by id in the URL). */
	public static String filter(String filterId) {
		return HOME + "#/?filter=" + filterId;
	}

}
