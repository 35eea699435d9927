package org.coopflow.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.PrimitiveValueType;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.coopflow.shared.InvalidInputException;

/**
 * A process variable declared once, with its name and type, in its process's vocabulary class; delegates
 * and listeners read and write it only through this. Values typed into Camunda Forms or sent to engine-rest
 * arrive as whatever type the client chose (a number as Integer, Long, Double or text, a date as text or
 * Date, a yes/no as Boolean or "true"), so each reading accepts every form of its type; an answer that is
 * not one is refused naming the variable, which Tasklist and the API show to the person who sent it.
 * <p>
 * A blank text counts as absent: Tasklist sends "" for a field left empty.
 */
@org.springframework.modulith.NamedInterface("api")
public final class ProcessVariable<T> {

	private final String name;

	private final Function<Object, T> reading;

	private ProcessVariable(String name, Function<Object, T> reading) {
		this.name = name;
		this.reading = reading;
	}

	/** A text, stripped. */
	public static ProcessVariable<String> text(String name) {
		return new ProcessVariable<>(name, Object::toString);
	}

	/** A yes/no answer: forms send booleans, REST clients sometimes "true"/"false". */
	public static ProcessVariable<Boolean> yesNo(String name) {
		return new ProcessVariable<>(name, value -> {
			if (value instanceof Boolean yes) {
				return yes;
			}
			if ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(value.toString())) {
				return Boolean.valueOf(value.toString());
			}
			throw new InvalidInputException(name, "answer yes (true) or no (false)");
		});
	}

	public static ProcessVariable<Long> wholeNumber(String name) {
		return new ProcessVariable<>(name, value -> {
			try {
				return value instanceof Number number ? new BigDecimal(number.toString()).longValueExact()
						: Long.parseLong(value.toString());
			}
			catch (NumberFormatException | ArithmeticException e) {
				throw new InvalidInputException(name, "must be a whole number");
			}
		});
	}

	public static ProcessVariable<BigDecimal> decimal(String name) {
		return new ProcessVariable<>(name, value -> {
			try {
				return new BigDecimal(value.toString());
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException(name, "must be a number such as 1250.50");
			}
		});
	}

	/** A date as Camunda Forms send it (yyyy-MM-dd, sometimes with a time after it) or as a Date variable. */
	public static ProcessVariable<LocalDate> date(String name) {
		return new ProcessVariable<>(name, value -> {
			if (value instanceof Date date) {
				return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
			}
			String text = value.toString();
			try {
				return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
			}
			catch (DateTimeParseException e) {
				throw new InvalidInputException(name, "must be a date as YYYY-MM-DD, not '" + text + "'");
			}
		});
	}

	/**
	 * One of an enum's constants by name, e.g. a decision; {@code what} names it in a refusal ("IGNORE is
	 * not a decision on an overlap alert").
	 */
	public static <E extends Enum<E>> ProcessVariable<E> choice(String name, Class<E> type, String what) {
		return new ProcessVariable<>(name, value -> {
			try {
				return Enum.valueOf(type, value.toString());
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException(name, value + " is not " + what);
			}
		});
	}

	public String name() {
		return name;
	}

	/** The value, or null when absent or blank; a value that is not of the type is refused. */
	public T orNull(VariableScope scope) {
		Object value = scope.getVariable(name);
		if (value instanceof String text) {
			value = text.strip();
		}
		return value == null || "".equals(value) ? null : reading.apply(value);
	}

	/** An answer the person must give: refused with {@code whenMissing} when absent or blank. */
	public T answer(VariableScope scope, String whenMissing) {
		T value = orNull(scope);
		if (value == null) {
			throw new InvalidInputException(name, whenMissing);
		}
		return value;
	}

	/** A value the process set itself: its absence is a fault in the model or the code, not in an answer. */
	public T recorded(VariableScope scope) {
		T value = orNull(scope);
		if (value == null) {
			throw new IllegalStateException("The process has no variable " + name);
		}
		return value;
	}

	/** Writes the value as the process keeps it: a choice by its name, a date as yyyy-MM-dd. */
	public void set(VariableScope scope, T value) {
		scope.setVariable(name, stored(value));
	}

	/**
	 * Writes the value for the rest of this transaction only (a transient variable): for what a step right
	 * after records on the process's record, which is where it is kept. An instance that already stores a
	 * variable by this name keeps storing it, since the engine lets no transient value replace a stored one.
	 */
	public void setForThisStep(VariableScope scope, T value) {
		scope.setVariable(name, forThisStep(scope, name, stored(value)));
	}

	/**
	 * {@code value} (as sent: a plain value or a typed one) as a transient value, or as it is when {@code scope}
	 * already stores a variable named {@code name} or the value is not of a simple type (an object or a file,
	 * which no form of coopflow's sends).
	 */
	public static Object forThisStep(VariableScope scope, String name, Object value) {
		if (scope.hasVariable(name) && !scope.getVariableTyped(name, false).isTransient()) {
			return value;
		}
		if (value instanceof TypedValue typed) {
			if (typed.isTransient()) {
				return typed;
			}
			if (typed.getType() == null) {
				return Variables.untypedValue(typed.getValue(), true);
			}
			if (typed.getType() instanceof PrimitiveValueType type) {
				return type.createValue(typed.getValue(), Map.of(ValueType.VALUE_INFO_TRANSIENT, true));
			}
			return typed;
		}
		return value == null ? Variables.untypedNullValue(true) : Variables.untypedValue(value, true);
	}

	private static Object stored(Object value) {
		return value instanceof Enum<?> constant ? constant.name() : value instanceof LocalDate date ? date.toString() : value;
	}

	@Override
	public String toString() {
		return name;
	}

}
