package org.coopflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * How a process names the record it works on: its business key, {@code <prefix><id>} (e.g.
 * {@code pledge-42}). The record is read from the business key, never from a variable: whoever completes a
 * task can set any process variable through engine-rest, but not the business key.
 */
@org.springframework.modulith.NamedInterface("api")
public final class RecordKey {

	private final String prefix;

	private final String process;

	/**
	 * @param prefix e.g. {@code "pledge-"}
	 * @param process the process in words, for the fault report of an instance without such a key
	 */
	public RecordKey(String prefix, String process) {
		this.prefix = prefix;
		this.process = process;
	}

	public String of(long id) {
		return prefix + id;
	}

	/** The id in a business key made by {@link #of(long)}, or null for any other key. */
	public Long idOf(String businessKey) {
		if (businessKey == null || !businessKey.startsWith(prefix) || businessKey.length() == prefix.length()
				|| !businessKey.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Long.valueOf(businessKey.substring(prefix.length()));
	}

	/** The id of the record the execution's process works on. */
	public long of(DelegateExecution execution) {
		Long id = idOf(execution.getProcessBusinessKey());
		if (id == null) {
			throw new IllegalStateException("The " + process + " " + execution.getProcessInstanceId() + " has no "
					+ prefix + "<id> business key");
		}
		return id;
	}

	public long of(DelegateTask task) {
		return of(task.getExecution());
	}

}
