package org.coopflow.overlap;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reads of the overlap review process's variables. A decision a coordinator left out or got wrong
 * is refused with a message for them; a variable the process sets itself and is missing is a bug, and
 * says so.
 */
final class AlertVariables {

	private AlertVariables() {
	}

	/**
	 * The alert is read from the business key rather than the alertId variable: whoever completes a task
	 * can set any process variable through the REST API, but not the business key.
	 */
	static long alertId(DelegateExecution execution) {
		Long alertId = OverlapReviewProcess.alertIdOf(execution.getProcessBusinessKey());
		if (alertId == null) {
			throw new IllegalStateException("The overlap review process " + execution.getProcessInstanceId()
					+ " has no alert-<id> business key; it is started by OverlapReviews");
		}
		return alertId;
	}

	static long alertId(DelegateTask task) {
		return alertId(task.getExecution());
	}

	/** The text, or null when absent or blank. */
	static String optionalText(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

	static String text(VariableScope scope, String name) {
		String value = optionalText(scope, name);
		if (value == null) {
			throw new IllegalStateException("The overlap review process has no variable " + name);
		}
		return value;
	}

	/** A decision the process recorded itself. */
	static CoordinatorDecision recorded(VariableScope scope, String name) {
		return CoordinatorDecision.valueOf(text(scope, name));
	}

	/** The decision a form sent, with its reason when the decision needs one. */
	static CoordinatorDecision chosen(VariableScope scope, String decisionName, String reasonName) {
		String value = optionalText(scope, decisionName);
		if (value == null) {
			throw new BadUserRequestException("Choose what the offices should do about the alert (" + decisionName + ").");
		}
		CoordinatorDecision decision;
		try {
			decision = CoordinatorDecision.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			throw new BadUserRequestException(value + " is not a decision on an overlap alert (" + decisionName + ").");
		}
		if (decision.needsReason() && optionalText(scope, reasonName) == null) {
			throw new BadUserRequestException(
					"Say why the programmes do not overlap: a reason is required for \"not an overlap\" (" + reasonName + ").");
		}
		return decision;
	}

}
