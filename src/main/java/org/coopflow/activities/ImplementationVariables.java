package org.coopflow.activities;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.coopflow.shared.InvalidInputException;

/** Reading the implementation process's variables and a completed task's form fields, with clear errors. */
final class ImplementationVariables {

	private ImplementationVariables() {
	}

	static String text(DelegateTask task, String name) {
		Object value = task.getVariable(name);
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

	static String requiredText(DelegateTask task, String name, String why) {
		String value = text(task, name);
		if (value == null) {
			throw new InvalidInputException(name, why);
		}
		return value;
	}

	/** A date field of a Camunda Form: "YYYY-MM-DD" (or a Date when set through the API). */
	static LocalDate date(DelegateTask task, String name) {
		Object value = task.getVariable(name);
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
		}
		String text = value.toString().strip();
		try {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(name, "must be a date as YYYY-MM-DD, not '" + text + "'");
		}
	}

	static Boolean bool(DelegateTask task, String name) {
		Object value = task.getVariable(name);
		if (value instanceof Boolean b) {
			return b;
		}
		if (value != null && ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(value.toString()))) {
			return Boolean.valueOf(value.toString());
		}
		return null;
	}

}
