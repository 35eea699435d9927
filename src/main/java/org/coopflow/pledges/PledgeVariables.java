package org.coopflow.pledges;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.pledges.DonorPledgeProcess.Variables;

/** Reads the donor pledge process's variables, turning a missing or malformed answer into a clear error. */
final class PledgeVariables {

	private PledgeVariables() {
	}

	/**
	 * The pledge is read from the business key, never from a variable: whoever completes a task can set
	 * any process variable through the REST API, but not the business key.
	 */
	static long pledgeId(DelegateExecution execution) {
		Long pledgeId = DonorPledgeProcess.pledgeIdOf(execution.getProcessBusinessKey());
		if (pledgeId == null) {
			throw new IllegalStateException("The donor pledge process " + execution.getProcessInstanceId()
					+ " has no pledge-<id> business key; it is started by PledgeProcesses");
		}
		return pledgeId;
	}

	static long pledgeId(DelegateTask task) {
		return pledgeId(task.getExecution());
	}

	static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

	/** A yes/no answer; forms send booleans, REST clients sometimes "true"/"false". */
	static boolean yesNo(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value instanceof Boolean b) {
			return b;
		}
		if (value != null && ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(value.toString()))) {
			return Boolean.parseBoolean(value.toString());
		}
		throw new InvalidInputException(name, "answer yes (true) or no (false)");
	}

	static Long number(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value instanceof Number n) {
			if (n.doubleValue() != Math.rint(n.doubleValue())) {
				throw new InvalidInputException(name, "must be a whole number");
			}
			return n.longValue();
		}
		if (value != null && !value.toString().isBlank()) {
			try {
				return Long.parseLong(value.toString().trim());
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException(name, "must be a whole number");
			}
		}
		return null;
	}

	/** A date as Camunda Forms sends it (yyyy-MM-dd) or as a Date variable. */
	static LocalDate date(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), java.time.ZoneOffset.UTC);
		}
		try {
			return LocalDate.parse(value.toString().trim().substring(0, Math.min(10, value.toString().trim().length())));
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(name, "must be a date such as 2026-11-30");
		}
	}

}
