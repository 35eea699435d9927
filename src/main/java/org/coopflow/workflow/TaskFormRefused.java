package org.coopflow.workflow;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A {@link TaskCompletionRefused} on its way out of a completion: engine-rest's
 * {@code POST /task/{id}/complete} and {@code /submit-form} answer every engine exception with 500 but a
 * form field validation failure, which they answer with 400 ("Cannot complete task …: " and the
 * refusal's message). Thrown outside the engine's command context, so the engine does not log it as
 * an error, as it would any exception but a {@link org.camunda.bpm.engine.BadUserRequestException}
 * inside.
 */
class TaskFormRefused extends FormFieldValidationException {

	TaskFormRefused(TaskCompletionRefused refusal) {
		super(null, refusal.getMessage(), refusal);
	}

}
