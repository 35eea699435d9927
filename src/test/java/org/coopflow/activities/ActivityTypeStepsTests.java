package org.coopflow.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.shared.ConflictException;
import org.coopflow.CoopflowTest;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The listeners and the delegate of the type-specific steps, through a real engine: the fixture
 * process ActivityTypeStepsFixture has the same element ids and beans as the implementation process
 * will. A refused completion leaves the task open and nothing recorded.
 */
@CoopflowTest
class ActivityTypeStepsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	TranslatedEditions editions;

	@Autowired
	SurveySupport surveys;

	@Autowired
	ExpertMeetings meetings;

	@Autowired
	ActivityTypeTaskFacts taskFacts;

	ActivityFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new ActivityFixtures(TestHttp.api(port), jdbc);
	}

	private String start(String step, long activityId, String taskKey) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("step", step);
		variables.put(ImplementationProcess.Variables.ACTIVITY_ID, activityId);
		variables.put("assignee", "officerCpcjd");
		// as in the implementation process: the business key names the programme the activity must belong to
		String instance = runtime.startProcessInstanceByKey("ActivityTypeStepsFixture",
				ImplementationProcess.businessKey(fixtures.programmeOf(activityId)), variables).getId();
		if (taskKey == null) {
			return instance;
		}
		Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
		assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
		return task.getId();
	}

	private boolean open(String taskId) {
		return tasks.createTaskQuery().taskId(taskId).count() == 1;
	}

	/** The listener's refusal reaches the caller as the cause of the engine's exception, as in Tasklist. */
	private static Throwable refusal(Throwable thrown) {
		Throwable cause = thrown;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static java.util.List<String> fields(Throwable thrown) {
		Throwable refusal = refusal(thrown);
		assertThat(refusal).isInstanceOf(InvalidInputException.class);
		for (InvalidField error : ((InvalidInputException) refusal).errors()) {
			// by the form's label with the variable, "Language (editionLanguage): …", or by the variable alone
			assertThat(thrown.getMessage()).as("what Tasklist shows")
				.containsAnyOf("(" + error.field() + "): " + error.reason(), error.field() + ": " + error.reason());
		}
		return ((InvalidInputException) refusal).errors().stream().map(InvalidField::field).toList();
	}

	@Test
	void recordTranslatedEditionTakesTheFormFieldsAndNamesThemInErrors() {
		long activity = fixtures.activityOfType("COMPENDIUM_TRANSLATION");
		String task = start("edition", activity, ActivityTypeTasks.TASK_RECORD_TRANSLATED_EDITION);
		Map<String, Object> bad = Map.of(ActivityTypeTasks.EDITION_LANGUAGE, "qq", ActivityTypeTasks.EDITION_MEMBER_STATE,
				"KE", ActivityTypeTasks.EDITION_LINK, "mailto:someone");
		assertThatThrownBy(() -> tasks.complete(task, bad))
			.satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder("editionLanguage", "editionTitle", "editionLink"))
			.hasMessageContaining("Language (editionLanguage): 'qq' is not an ISO 639-1 language code");
		assertThat(open(task)).isTrue();
		assertThat(editions.of(activity)).isEmpty();

		tasks.complete(task, Map.of(ActivityTypeTasks.EDITION_LANGUAGE, "ru", ActivityTypeTasks.EDITION_MEMBER_STATE, "UA",
				ActivityTypeTasks.EDITION_TITLE, "Сборник стандартов и норм ООН", ActivityTypeTasks.EDITION_PUBLISHED_ON,
				"2026-06-30", ActivityTypeTasks.EDITION_LINK, ""));
		EditionView edition = editions.of(activity).orElseThrow();
		assertThat(edition.language()).isEqualTo("ru");
		assertThat(edition.publishedOn()).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(edition.link()).isNull();
		assertThat(edition.recordedBy()).as("the assignee who completed it").isEqualTo("officerCpcjd");
	}

	@Test
	void collectSurveyRepliesIsRefusedUntilAMemberStateWasAsked() {
		long activity = fixtures.activityOfType("SURVEY_SUPPORT");
		String task = start("survey", activity, ActivityTypeTasks.TASK_COLLECT_SURVEY_REPLIES);
		assertThatThrownBy(() -> tasks.complete(task))
			.satisfies(e -> assertThat(fields(e)).containsExactly("surveyRequests"));
		assertThat(open(task)).isTrue();

		surveys.askMemberState(activity, new SurveyRequest("JP", "GL-PROSECUTORS", null), "officerCpcjd");
		tasks.complete(task);
		assertThat(open(task)).isFalse();
	}

	@Test
	void remindNonRespondentsCountsAReminderAndSkipsACancelledActivity() {
		long activity = fixtures.activityOfType("SURVEY_SUPPORT");
		surveys.askMemberState(activity, new SurveyRequest("JP", "GL-PROSECUTORS", null), "officerCpcjd");
		start("reminder", activity, null);
		assertThat(surveys.survey(activity).requests().get(0).reminders()).isEqualTo(1);

		fixtures.cancel(activity);
		start("reminder", activity, null);
		assertThat(surveys.survey(activity).requests().get(0).reminders()).as("no reminder after cancellation").isEqualTo(1);
	}

	@Test
	void recordMeetingReportNeedsTheAnswersAndTheMeeting() {
		long activity = fixtures.activityOfType("EXPERT_MEETING");
		String task = start("meetingReport", activity, ActivityTypeTasks.TASK_RECORD_MEETING_REPORT);
		Map<String, Object> answers = Map.of(ActivityTypeTasks.ANSWER_DUPLICATION, "None",
				ActivityTypeTasks.ANSWER_NECESSITY, "Needed", ActivityTypeTasks.ANSWER_LEGAL_SYSTEMS, "Fits both traditions",
				ActivityTypeTasks.MEETING_SUMMARY, "Vienna, three days");
		assertThatThrownBy(() -> tasks.complete(task, Map.of(ActivityTypeTasks.ANSWER_DUPLICATION, "None")))
			.satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder("answerNecessity", "answerLegalSystems",
					"participants", "funding"));
		assertThat(open(task)).isTrue();

		meetings.addParticipant(activity, new ParticipantRequest("Ola Nordmann", "NO", "University of Oslo", true),
				"officerCpcjd");
		meetings.recordFunding(activity, new MeetingFundingRequest(new BigDecimal("5000000"), "JPY", "Japan"),
				"officerCpcjd");
		tasks.complete(task, answers);
		MeetingView.Report report = meetings.meeting(activity).report();
		assertThat(report.answerLegalSystems()).isEqualTo("Fits both traditions");
		assertThat(report.summary()).isEqualTo("Vienna, three days");
		assertThat(report.recordedBy()).isEqualTo("officerCpcjd");
	}

	@Test
	void aStepOfAnotherTypeIsRefused() {
		long training = fixtures.activityOfType("TRAINING");
		String task = start("survey", training, ActivityTypeTasks.TASK_COLLECT_SURVEY_REPLIES);
		assertThatThrownBy(() -> tasks.complete(task))
			.satisfies(e -> assertThat(refusal(e)).isInstanceOf(ConflictException.class).hasMessageContaining("TRAINING"));
		assertThat(open(task)).isTrue();
	}

}
