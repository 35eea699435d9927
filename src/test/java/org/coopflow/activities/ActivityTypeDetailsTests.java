package org.coopflow.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
 * The service methods the implementation process calls: the experts' report needs all three answers
 * of para. 7, participants and funding; experts serve in their personal capacity; reminders go only to
 * Member States without a reply, and are mailed; the facts task forms show.
 */
@CoopflowTest
class ActivityTypeDetailsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

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

	private static List<String> fields(Throwable thrown) {
		return ((InvalidInputException) thrown).errors().stream().map(InvalidField::field).toList();
	}

	private static ParticipantRequest expert(String name, String country) {
		return new ParticipantRequest(name, country, "Faculty of Law", true);
	}

	private static final MeetingReportAnswers ANSWERS = new MeetingReportAnswers(
			" No duplication with the Standard Minimum Rules; rule 12 restates the Basic Principles on the Role of Lawyers ",
			"Necessary: no instrument covers pre-trial procedure as a whole",
			"Drafted for common-law and civil-law systems alike; rule 20 needs an alternative for inquisitorial systems");

	@Test
	void theMeetingReportNeedsEveryAnswerOfParagraphSevenParticipantsAndFunding() {
		long meeting = fixtures.activityOfType("EXPERT_MEETING");
		assertThatThrownBy(() -> meetings.recordReport(meeting,
				new MeetingReportAnswers("No duplication", " ", null), null, "officerCpcjd"))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder("answerNecessity", "answerLegalSystems",
					"participants", "funding"));
		assertThat(meetings.meeting(meeting).report()).isNull();

		meetings.addParticipant(meeting, expert("Wanjiru Kamau", "KE"), "officerCpcjd");
		assertThatThrownBy(() -> meetings.recordReport(meeting, ANSWERS, null, "officerCpcjd"))
			.satisfies(e -> assertThat(fields(e)).containsExactly("funding"));
		meetings.recordFunding(meeting, new MeetingFundingRequest(new BigDecimal("80000"), "USD", "Government of Japan"),
				"officerCpcjd");
		assertThatThrownBy(() -> meetings.recordReport(meeting, ANSWERS, "x".repeat(8001), "officerCpcjd"))
			.satisfies(e -> assertThat(fields(e)).containsExactly("meetingSummary"));

		MeetingView recorded = meetings.recordReport(meeting, ANSWERS, "Three days in Vienna; 14 experts",
				"reviewerCpcjd");
		assertThat(recorded.report().answerDuplication()).startsWith("No duplication").doesNotEndWith(" ");
		assertThat(recorded.report().answerNecessity()).isEqualTo(ANSWERS.necessity());
		assertThat(recorded.report().answerLegalSystems()).isEqualTo(ANSWERS.legalSystems());
		assertThat(recorded.report().summary()).isEqualTo("Three days in Vienna; 14 experts");
		assertThat(recorded.report().recordedBy()).isEqualTo("reviewerCpcjd");
	}

	@Test
	void anExpertWhoWouldRepresentTheirGovernmentIsRefused() {
		long meeting = fixtures.activityOfType("EXPERT_MEETING");
		assertThatThrownBy(() -> meetings.addParticipant(meeting,
				new ParticipantRequest("Delegate", "KE", "Ministry of Foreign Affairs", false), "officerCpcjd"))
			.satisfies(e -> assertThat(fields(e)).containsExactly("personalCapacity"));
		assertThatThrownBy(() -> meetings.addParticipant(meeting,
				new ParticipantRequest("Delegate", "KE", "Ministry of Foreign Affairs", null), "officerCpcjd"))
			.satisfies(e -> assertThat(fields(e)).containsExactly("personalCapacity"));
		assertThat(meetings.meeting(meeting).participants()).isEmpty();
	}

	@Test
	void remindsOnlyMemberStatesWithoutAReplyAndMailsTheirDonors() {
		long survey = fixtures.activityOfType("SURVEY_SUPPORT");
		surveys.askMemberStates(survey, List.of(new SurveyRequest("NO", "SMR-PRISONERS", LocalDate.of(2026, 9, 1)),
				new SurveyRequest("NO", "TOKYO-RULES", LocalDate.of(2026, 9, 1)),
				new SurveyRequest("JP", "SMR-PRISONERS", LocalDate.of(2026, 9, 1)),
				new SurveyRequest("KE", "SMR-PRISONERS", LocalDate.of(2026, 9, 1))), "officerCpcjd");
		surveys.recordReply(survey, "JP", "SMR-PRISONERS", new SurveyReply(LocalDate.of(2026, 10, 2), "Replied in full"),
				"officerCpcjd");

		assertThat(surveys.remindNonRespondents(survey)).containsExactly("KE", "NO");
		SurveyView after = surveys.survey(survey);
		assertThat(after.requests()).allSatisfy(request -> {
			boolean replied = request.memberState().equals("JP");
			assertThat(request.reminders()).as(request.memberState() + " " + request.standard()).isEqualTo(replied ? 0 : 1);
			assertThat(request.lastRemindedAt() == null).isEqualTo(replied);
		});

		List<Map<String, Object>> mails = mailsAbout("survey-replies-outstanding:" + survey + ":%");
		assertThat(mails).extracting(mail -> mail.get("RECIPIENT")).containsExactly("donor.norway@example.org");
		assertThat((String) mails.get(0).get("EVENT_KEY")).startsWith("survey-replies-outstanding:" + survey + ":NO:");
		assertThat((String) mails.get(0).get("BODY")).contains("SMR-PRISONERS, sent on 1 September 2026",
				"TOKYO-RULES, sent on 1 September 2026", "Norway (NO)");

		surveys.recordReply(survey, "NO", "TOKYO-RULES", new SurveyReply(LocalDate.of(2026, 10, 5), null), "officerCpcjd");
		assertThat(surveys.remindNonRespondents(survey)).containsExactly("KE", "NO");
		List<Map<String, Object>> again = mailsAbout("survey-replies-outstanding:" + survey + ":%");
		assertThat(again).hasSize(2);
		assertThat((String) again.get(1).get("BODY")).contains("SMR-PRISONERS").doesNotContain("TOKYO-RULES");

		// asked later, so reminded less often than the questionnaire answered now: still a new round
		surveys.askMemberState(survey, new SurveyRequest("NO", "VICTIMS-DECL", null), "officerCpcjd");
		surveys.recordReply(survey, "NO", "SMR-PRISONERS", new SurveyReply(LocalDate.of(2026, 10, 5), null), "officerCpcjd");
		assertThat(surveys.remindNonRespondents(survey)).containsExactly("KE", "NO");
		List<Map<String, Object>> third = mailsAbout("survey-replies-outstanding:" + survey + ":NO:%");
		assertThat(third).hasSize(3);
		assertThat((String) third.get(2).get("BODY")).contains("VICTIMS-DECL").doesNotContain("SMR-PRISONERS");

		surveys.recordReply(survey, "NO", "VICTIMS-DECL", new SurveyReply(LocalDate.now(), null), "officerCpcjd");
		surveys.recordReply(survey, "KE", "SMR-PRISONERS", new SurveyReply(LocalDate.of(2026, 10, 5), null), "officerCpcjd");
		assertThat(surveys.remindNonRespondents(survey)).as("all replied").isEmpty();
		assertThat(mailsAbout("survey-replies-outstanding:" + survey + ":%")).hasSize(3);
	}

	private List<Map<String, Object>> mailsAbout(String keyPattern) {
		return jdbc.sql("SELECT event_key, recipient, subject, body FROM notification_outbox WHERE event_key LIKE ? ORDER BY id")
			.param(keyPattern)
			.query()
			.listOfRows()
			.stream()
			.map(row -> {
				Map<String, Object> upper = new java.util.HashMap<>();
				row.forEach((k, v) -> upper.put(k.toUpperCase(), v));
				return upper;
			})
			.toList();
	}

	@Test
	void aCancelledSurveyIsNeitherRemindedNorClosed() {
		long survey = fixtures.activityOfType("SURVEY_SUPPORT");
		surveys.askMemberState(survey, new SurveyRequest("NO", "SMR-PRISONERS", null), "officerCpcjd");
		fixtures.cancel(survey);
		assertThatThrownBy(() -> surveys.remindNonRespondents(survey)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> surveys.surveyCollected(survey)).isInstanceOf(ConflictException.class);
		assertThat(surveys.survey(survey).requests().get(0).reminders()).isZero();
	}

	@Test
	void aSurveyThatAskedNobodyCannotBeClosed() {
		long survey = fixtures.activityOfType("SURVEY_SUPPORT");
		assertThatThrownBy(() -> surveys.surveyCollected(survey))
			.satisfies(e -> assertThat(fields(e)).containsExactly("surveyRequests"));
		surveys.askMemberState(survey, new SurveyRequest("KE", "VICTIMS-DECL", null), "officerCpcjd");
		assertThat(surveys.surveyCollected(survey).requests()).hasSize(1);
		assertThat(surveys.survey(survey).requests().get(0).askedOn()).as("today when left out").isEqualTo(LocalDate.now());
	}

	@Test
	void taskFormsShowTheSurveyAndTheMeetingAsText() {
		long survey = fixtures.activityOfType("SURVEY_SUPPORT");
		assertThat(taskFacts.of(survey)).containsEntry("surveySummary",
				"No Member State has been asked about a standard yet.");
		surveys.askMemberStates(survey, List.of(new SurveyRequest("KE", "TOKYO-RULES", null),
				new SurveyRequest("UG", "TOKYO-RULES", null), new SurveyRequest("KE", "BP-LAWYERS", null)), "officerCpcjd");
		surveys.recordReply(survey, "UG", "TOKYO-RULES", new SurveyReply(LocalDate.now(), null), "officerCpcjd");
		assertThat(taskFacts.of(survey)).containsOnlyKeys("surveySummary")
			.containsEntry("surveySummary", """
					Basic Principles on the Role of Lawyers: asked 1, replied 0, outstanding 1 (Kenya)
					UN Standard Minimum Rules for Non-custodial Measures (the Tokyo Rules): asked 2, replied 1, outstanding 1 (Kenya)""");

		long meeting = fixtures.activityOfType("EXPERT_MEETING");
		assertThat(taskFacts.of(meeting)).containsEntry("meetingParticipants",
				"No participant has been added yet.\nFunding: not recorded yet.");
		meetings.addParticipants(meeting, List.of(expert("Wanjiru Kamau", "KE"), expert("Ola Nordmann", "NO")),
				"officerCpcjd");
		meetings.recordFunding(meeting, new MeetingFundingRequest(new BigDecimal("45000.50"), "EUR", "Austria"),
				"officerCpcjd");
		assertThat(taskFacts.of(meeting)).containsOnlyKeys("meetingParticipants")
			.containsEntry("meetingParticipants", """
					1. Wanjiru Kamau (Kenya), Faculty of Law, in a personal capacity
					2. Ola Nordmann (Norway), Faculty of Law, in a personal capacity
					Funding: EUR 45,000.50 from Austria.""");

		assertThat(taskFacts.of(fixtures.activityOfType("TRAINING"))).isEmpty();
	}

}
