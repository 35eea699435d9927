package org.coopflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TaskFormTests {

	private static TaskForm form(String components) {
		return TaskForm.parse(("{\"id\": \"f\", \"type\": \"default\", \"components\": " + components + "}")
			.getBytes(StandardCharsets.UTF_8), "f.form");
	}

	@Test
	void editableFieldsAreAnswersAndReadonlyOrDisabledOnesAreShownFacts() {
		TaskForm form = form("""
				[ { "type": "text", "text": "### Heading" },
				  { "type": "textfield", "key": "summary", "readonly": true },
				  { "type": "textfield", "key": "reference", "disabled": true },
				  { "type": "radio", "key": "verified" },
				  { "type": "textarea", "key": "note", "readonly": "=verified" } ]""");

		assertThat(form.answers()).containsExactlyInAnyOrder("verified", "note");
		assertThat(form.shown()).containsExactlyInAnyOrder("summary", "reference");
	}

	@Test
	void fieldsInGroupsAndDynamicListsAreWalkedAndBoundToTheirPath() {
		TaskForm form = form("""
				[ { "type": "group", "components": [ { "type": "textfield", "key": "title", "readonly": true },
				                                     { "type": "group", "components": [ { "type": "number", "key": "amount" } ] } ] },
				  { "type": "group", "path": "address", "components": [ { "type": "textfield", "key": "city" } ] },
				  { "type": "dynamiclist", "path": "participants", "components": [ { "type": "textfield", "key": "name" } ] },
				  { "type": "group", "readonly": true, "components": [ { "type": "textfield", "key": "office" } ] },
				  { "type": "textfield", "key": "edition.language" } ]""");

		assertThat(form.answers()).containsExactlyInAnyOrder("amount", "address", "participants", "edition");
		assertThat(form.shown()).containsExactlyInAnyOrder("title", "office");
	}

	@Test
	void theVerifyPledgeFormAsksForTheDecisionAndANote() throws IOException {
		try (InputStream schema = getClass().getResourceAsStream("/bpmn/forms/verify-pledge.form")) {
			TaskForm form = TaskForm.parse(schema.readAllBytes(), "verify-pledge.form");
			assertThat(form.answers()).containsExactlyInAnyOrder("pledgeVerified", "verificationNote");
			assertThat(form.shown()).containsExactlyInAnyOrder("pledgeSummary", "instalmentSchedule");
			assertThat(form.named("verificationNote")).isEqualTo("Note (verificationNote)");
		}
	}

	@Test
	void aFieldIsNamedByItsLabelWithItsVariableAndAFieldInAListByItsVariableAlone() {
		TaskForm form = form("""
				[ { "type": "textfield", "key": "reference", "label": "Agreement reference" },
				  { "type": "textfield", "key": "note" },
				  { "type": "textfield", "key": "edition.language", "label": "Language" },
				  { "type": "dynamiclist", "path": "participants", "label": "Participants",
				    "components": [ { "type": "textfield", "key": "name", "label": "Name" } ] } ]""");

		assertThat(form.named("reference")).isEqualTo("Agreement reference (reference)");
		assertThat(form.named("note")).isEqualTo("note");
		assertThat(form.named("participants")).isEqualTo("participants");
		assertThat(form.named("decidedBy")).isEqualTo("decidedBy");
		assertThat(form.named("edition")).as("a part's label is not its variable's").isEqualTo("edition");
	}

}
