package org.coopflow.programmes;

import java.math.BigDecimal;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.coopflow.programmes.FundingProposalProcess.Variables;
import org.coopflow.reference.Office;

/**
 * Typed reads of the funding proposal process's variables. Values typed into Camunda Forms arrive as
 * whatever type Tasklist chose (a number may come as Integer, Long, Double or text), so the readers
 * accept each of them. A decision a user left out or got wrong is refused with a message for that user;
 * a variable the process sets itself and is missing is a bug, and says so.
 */
final class ProposalVariables {

	private ProposalVariables() {
	}

	/**
	 * The programme is read from the business key rather than the programmeId variable: whoever completes
	 * a task can set any process variable through the REST API, but not the business key.
	 */
	static long programmeId(DelegateExecution execution) {
		Long programmeId = FundingProposalProcess.programmeIdOf(execution.getProcessBusinessKey());
		if (programmeId == null) {
			throw new IllegalStateException("The funding proposal process " + execution.getProcessInstanceId()
					+ " has no programme-<id> business key; start it with FundingProposals.start");
		}
		return programmeId;
	}

	static long programmeId(DelegateTask task) {
		return programmeId(task.getExecution());
	}

	static Office office(VariableScope scope) {
		return Office.valueOf(text(scope, Variables.OFFICE));
	}

	static String submittedBy(VariableScope scope) {
		return text(scope, Variables.SUBMITTED_BY);
	}

	static String text(VariableScope scope, String name) {
		return required(scope, name).toString();
	}

	/** The text, or null when absent or blank. */
	static String optionalText(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

	static <E extends Enum<E>> E decision(VariableScope scope, String name, Class<E> type) {
		String value = optionalText(scope, name);
		if (value == null) {
			throw new BadUserRequestException("Choose a decision (" + name + ").");
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			throw new BadUserRequestException(value + " is not a decision this task knows (" + name + ").");
		}
	}

	/** A positive amount, or null when absent or not one. */
	static BigDecimal positiveAmount(VariableScope scope, String name) {
		String value = optionalText(scope, name);
		if (value == null) {
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(value);
			return amount.signum() > 0 ? amount : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** A positive whole number, or null when absent or not one. */
	static Integer positiveWholeNumber(VariableScope scope, String name) {
		BigDecimal number = positiveAmount(scope, name);
		if (number == null) {
			return null;
		}
		try {
			return number.intValueExact();
		}
		catch (ArithmeticException e) {
			return null;
		}
	}


	private static Object required(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value == null) {
			throw new IllegalStateException("The funding proposal process has no variable " + name);
		}
		return value;
	}

}
