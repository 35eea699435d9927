package org.coopflow.workflow;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The facts a process's task forms show, read from the task's record (found through the process's
 * business key) each time a form's variables are read, so that a form shows the record as it is now
 * rather than as it was when the task was created. One implementation per process; the facts are never
 * stored as variables and never written back: a completion may send a fact only unchanged
 * ({@link TaskAnswers}).
 */
@org.springframework.modulith.NamedInterface("ports")
public interface TaskFacts {

	/** The key of the process whose tasks these facts describe. */
	String processKey();

	/**
	 * The facts the form of the task shows now, by variable name: text in words (names, labels, amounts
	 * as people read them), or a {@link #options} list a select offers.
	 */
	Map<String, Object> of(DelegateTask task);

	/**
	 * The names of the facts {@link #of} gives for the task, known without reading the record: a completion
	 * that sends none of them (an API client sending only the answers) is checked without reading the
	 * record. By default {@link #of}'s own names, which reads it.
	 */
	default Set<String> names(DelegateTask task) {
		return of(task).keySet();
	}

	/**
	 * The options of a select whose {@code valuesKey} names this fact, as Tasklist reads them: a JSON
	 * list of {@code {label, value}}.
	 */
	static Object options(Map<?, String> labelsByValue) {
		return TaskFactValues.options(labelsByValue);
	}

	/** A day as forms write it: "5 March 2027"; empty for none. */
	static String day(LocalDate date) {
		return date == null ? "" : DAY.format(date);
	}

	/** A period of days: "5 March 2027 to 4 March 2028", "not planned yet" when neither end is known. */
	static String period(LocalDate start, LocalDate end) {
		if (start == null && end == null) {
			return "not planned yet";
		}
		return (start == null ? "(start not set)" : day(start)) + " to " + (end == null ? "(end not set)" : day(end));
	}

	DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

}
