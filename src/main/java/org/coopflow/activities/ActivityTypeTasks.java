package org.coopflow.activities;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coopflow.workflow.ProcessVariable;

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

	/** The answers of the three types' forms, each declared once with its type. */
	static final class Answers {

		static final ProcessVariable<String> EDITION_LANGUAGE = ProcessVariable.text(ActivityTypeTasks.EDITION_LANGUAGE);

		static final ProcessVariable<String> EDITION_MEMBER_STATE = ProcessVariable.text(ActivityTypeTasks.EDITION_MEMBER_STATE);

		static final ProcessVariable<String> EDITION_TITLE = ProcessVariable.text(ActivityTypeTasks.EDITION_TITLE);

		static final ProcessVariable<LocalDate> EDITION_PUBLISHED_ON = ProcessVariable.date(ActivityTypeTasks.EDITION_PUBLISHED_ON);

		static final ProcessVariable<String> EDITION_LINK = ProcessVariable.text(ActivityTypeTasks.EDITION_LINK);

		static final ProcessVariable<String> ANSWER_DUPLICATION = ProcessVariable.text(ActivityTypeTasks.ANSWER_DUPLICATION);

		static final ProcessVariable<String> ANSWER_NECESSITY = ProcessVariable.text(ActivityTypeTasks.ANSWER_NECESSITY);

		static final ProcessVariable<String> ANSWER_LEGAL_SYSTEMS = ProcessVariable.text(ActivityTypeTasks.ANSWER_LEGAL_SYSTEMS);

		static final ProcessVariable<String> MEETING_SUMMARY = ProcessVariable.text(ActivityTypeTasks.MEETING_SUMMARY);

		private Answers() {
		}

	}

}
