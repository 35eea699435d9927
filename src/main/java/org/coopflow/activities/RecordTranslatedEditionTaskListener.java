package org.coopflow.activities;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.workflow.TaskCompletion;
import org.springframework.stereotype.Component;

/**
 * Completes "Record translated edition" only with an edition the service accepts: the form's fields
 * become the activity's edition of the Compendium. Field errors name the form's fields.
 */
@Component
class RecordTranslatedEditionTaskListener implements TaskListener {

	private final TranslatedEditions details;

	private final ImplementationRecords records;

	RecordTranslatedEditionTaskListener(TranslatedEditions details, ImplementationRecords records) {
		this.details = details;
		this.records = records;
	}

	@Override
	public void notify(DelegateTask task) {
		String by = TaskCompletion.completedBy(task);
		EditionRequest edition = new EditionRequest(ActivityTypeTasks.Answers.EDITION_LANGUAGE.orNull(task),
				ActivityTypeTasks.Answers.EDITION_MEMBER_STATE.orNull(task),
				ActivityTypeTasks.Answers.EDITION_TITLE.orNull(task),
				ActivityTypeTasks.Answers.EDITION_PUBLISHED_ON.orNull(task),
				ActivityTypeTasks.Answers.EDITION_LINK.orNull(task));
		try {
			details.record(records.activityId(task), edition, by);
		}
		catch (InvalidInputException e) {
			throw new InvalidInputException(asFormFields(e.errors()));
		}
		ActivityTypeTasks.forget(task, ActivityTypeTasks.EDITION_LANGUAGE, ActivityTypeTasks.EDITION_MEMBER_STATE,
				ActivityTypeTasks.EDITION_TITLE, ActivityTypeTasks.EDITION_PUBLISHED_ON, ActivityTypeTasks.EDITION_LINK);
	}

	/** {@code language} → {@code editionLanguage}: the names the form and the REST client know. */
	private static List<InvalidField> asFormFields(List<InvalidField> errors) {
		return errors.stream()
			.map(error -> new InvalidField("edition" + Character.toUpperCase(error.field().charAt(0))
					+ error.field().substring(1), error.reason()))
			.toList();
	}

}
