package org.coopflow.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task completion refused for a business reason: an answer the task's form does not ask for, a fact
 * of the task sent with another value, or a refusal of a listener or delegate (four eyes, a missing
 * comment, a date in the future). Its message is the human one, naming the field; its cause is the
 * exception that refused. Being a {@link BadUserRequestException}, the engine logs it at debug level,
 * not as an error, and engine-rest answers it with 400 (complete and submit-form get it wrapped as a
 * {@link TaskFormRefused}).
 */
class TaskCompletionRefused extends BadUserRequestException {

	TaskCompletionRefused(String message, Throwable cause) {
		super(message, cause);
	}

}
