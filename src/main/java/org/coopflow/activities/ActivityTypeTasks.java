package org.coopflow.activities;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.coopflow.shared.InvalidInputException;

/**
 * The element ids and variable names of the type-specific steps of the activity implementation
 * process, and typed reads of them, so that listeners, delegates and tests never repeat a literal.
 */
final class ActivityTypeTasks {

	private ActivityTypeTasks() {
	}

	static final String TASK_RECORD_TRANSLATED_EDITION = "Task_RecordTranslatedEdition";

	static final String TASK_COLLECT_SURVEY_REPLIES = "Task_CollectSurveyReplies";

	static final String TASK_REMIND_NON_RESPONDENTS = "Task_RemindNonRespondents";

	static final String TASK_RECORD_MEETING_REPORT = "Task_RecordMeetingReport";

	static final String EDITION_LANGUAGE = "editionLanguage";

	static final String EDITION_MEMBER_STATE = "editionMemberState";

	static final String EDITION_TITLE = "editionTitle";

	static final String EDITION_PUBLISHED_ON = "editionPublishedOn";

	static final String EDITION_LINK = "editionLink";

	static final String ANSWER_DUPLICATION = "answerDuplication";

	static final String ANSWER_NECESSITY = "answerNecessity";

	static final String ANSWER_LEGAL_SYSTEMS = "answerLegalSystems";

	static final String MEETING_SUMMARY = "meetingSummary";

	/**
	 * Removes what a completed form sent. Tasklist sends a form's fields as process variables, which every
	 * activity's instance of the sub-process sees: left there, the next activity's form of the same kind
	 * would open filled in with this one's answers.
	 */
	static void forget(DelegateTask task, String... fields) {
		for (String field : fields) {
			task.removeVariable(field);
		}
	}

	/** The text a form sent, stripped; null when absent or blank. */
	static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

	/** A date as Camunda Forms sends it (yyyy-MM-dd), or a Date variable; null when absent. */
	static LocalDate date(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
		}
		try {
			return LocalDate.parse(value.toString().strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(name, "must be a date such as 2027-03-31");
		}
	}

}
