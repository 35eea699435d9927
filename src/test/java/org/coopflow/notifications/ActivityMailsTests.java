package org.coopflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.activities.ActivityEvents.ReportOverdue;
import org.coopflow.activities.ActivityEvents.ReportSentToDonors;
import org.coopflow.activities.ActivityEvents.SurveyRepliesOutstanding;
import org.coopflow.activities.ActivityEvents.UnspentFundsDecided;
import org.coopflow.activities.ActivityFixtures;
import org.coopflow.activities.ReportKind;
import org.coopflow.activities.SurveyRequest;
import org.coopflow.activities.SurveySupport;
import org.coopflow.activities.UnspentFundsChoice;
import org.coopflow.reference.Office;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Implementation events reach the people they concern through the outbox, in the transaction of the
 * change: Member States' donors for questionnaires and final reports, the office's officers and then
 * its coordinators for reports past due, and its coordinators for spending ahead of the money.
 */
@CoopflowTest
class ActivityMailsTests {

	private static final List<String> CPCJD_OFFICERS = List.of("officer.cpcjd@example.org", "reviewer.cpcjd@example.org");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	SurveySupport details;

	ActivityFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new ActivityFixtures(TestHttp.api(port), jdbc);
	}

	record Mail(String recipient, String subject, String body) {
	}

	private List<Mail> mails(String eventKey) {
		return jdbc.sql("SELECT recipient, subject, body FROM notification_outbox WHERE event_key = ? ORDER BY recipient")
			.param(eventKey)
			.query(Mail.class)
			.list();
	}

	private static List<String> recipients(List<Mail> mails) {
		return mails.stream().map(Mail::recipient).toList();
	}

	private void publish(Object event) {
		transaction.executeWithoutResult(status -> events.publishEvent(event));
	}

	private long report(long programmeId, ReportKind kind, String summary) {
		// a report of a fixed period for the mails to quote: through the process its period follows the engine's
		// clock, which the shared test context cannot move; the events are published directly here as well
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO implementation_report (programme_id, kind, period_from, period_to, status, summary, due_at)
				VALUES (?, ?, ?, ?, 'SUBMITTED', ?, ?)""")
			.params(programmeId, kind.name(), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), summary,
					Timestamp.from(Instant.parse("2027-07-31T00:00:00Z")))
			.update(key, "id");
		return key.getKey().longValue();
	}

	@Test
	void remindsTheDonorsOfEachMemberStateOwingAReplyOfTheirOwnQuestionnaires() {
		long survey = fixtures.activityOfType("SURVEY_SUPPORT");
		long programme = fixtures.programmeOf(survey);
		details.askMemberStates(survey, List.of(new SurveyRequest("NO", "TOKYO-RULES", LocalDate.of(2026, 9, 1)),
				new SurveyRequest("JP", "BP-LAWYERS", LocalDate.of(2026, 9, 2)),
				new SurveyRequest("KE", "BP-LAWYERS", LocalDate.of(2026, 9, 2))), "officerCpcjd");
		publish(new SurveyRepliesOutstanding(survey, programme, Office.CPCJD, List.of("JP", "KE", "NO"), Instant.ofEpochMilli(0)));

		List<Mail> norway = mails("survey-replies-outstanding:" + survey + ":NO:0");
		assertThat(recipients(norway)).containsExactly("donor.norway@example.org");
		assertThat(norway.get(0).subject()).isEqualTo("Reminder: questionnaire replies awaited from Norway (NO)");
		assertThat(norway.get(0).body()).contains("TOKYO-RULES, sent on 1 September 2026").doesNotContain("BP-LAWYERS");
		List<Mail> japan = mails("survey-replies-outstanding:" + survey + ":JP:0");
		assertThat(recipients(japan)).containsExactly("donor.japan@example.org");
		assertThat(japan.get(0).body()).contains("BP-LAWYERS, sent on 2 September 2026").doesNotContain("TOKYO-RULES");
		assertThat(mails("survey-replies-outstanding:" + survey + ":KE:0")).as("Kenya has no address").isEmpty();
		List<Mail> kenya = mails("survey-no-address:" + survey + ":KE:0");
		assertThat(recipients(kenya)).as("the officers remind Kenya another way").containsExactlyElementsOf(CPCJD_OFFICERS);
		assertThat(kenya.get(0).subject()).isEqualTo("No address to remind Kenya (KE) of its questionnaire replies");
		assertThat(kenya.get(0).body()).contains("BP-LAWYERS, sent on 2 September 2026", "permanent mission", "contactEmail");
		assertThat(mails("survey-no-address:" + survey + ":NO:0")).isEmpty();

		publish(new SurveyRepliesOutstanding(survey, programme, Office.CPCJD, List.of("NO"), Instant.ofEpochMilli(0)));
		assertThat(mails("survey-replies-outstanding:" + survey + ":NO:0")).as("the same round mails once").hasSize(1);
		publish(new SurveyRepliesOutstanding(survey, programme, Office.CPCJD, List.of("NO"), Instant.ofEpochMilli(1)));
		assertThat(mails("survey-replies-outstanding:" + survey + ":NO:1")).as("the next round mails again").hasSize(1);
	}

	@Test
	void remindersGoToTheFocalPointTheQuestionnaireWasSentTo() {
		long survey = fixtures.activityOfType("SURVEY_SUPPORT");
		long programme = fixtures.programmeOf(survey);
		details.askMemberStates(survey, List.of(
				new SurveyRequest("UG", "TOKYO-RULES", LocalDate.of(2026, 9, 1), "focal.point@mia.go.ug"),
				new SurveyRequest("NO", "TOKYO-RULES", LocalDate.of(2026, 9, 1), "unodc.contact@mfa.no")), "officerCpcjd");
		publish(new SurveyRepliesOutstanding(survey, programme, Office.CPCJD, List.of("NO", "UG"), Instant.ofEpochMilli(5)));

		assertThat(recipients(mails("survey-replies-outstanding:" + survey + ":UG:5")))
			.containsExactly("focal.point@mia.go.ug");
		assertThat(recipients(mails("survey-replies-outstanding:" + survey + ":NO:5")))
			.as("the focal point and the Member State's donor accounts")
			.containsExactly("donor.norway@example.org", "unodc.contact@mfa.no");
		assertThat(mails("survey-no-address:" + survey + ":UG:5")).isEmpty();
	}

	@Test
	void theDonorsOfEachFundingMemberStateAreToldWhatBecomesOfTheMoneyLeft() {
		long programme = fixtures.programmeOf(fixtures.activityOfType("TRAINING"));
		publish(new UnspentFundsDecided(programme, Office.CPCJD, new java.math.BigDecimal("1250.50"), "USD",
				UnspentFundsChoice.RETURN, "The second workshop was not needed", List.of("NO", "JP", "NO")));
		List<Mail> told = mails("unspent-funds:" + programme);
		assertThat(recipients(told)).containsExactly("donor.japan@example.org", "donor.norway@example.org");
		assertThat(told.get(0).subject()).startsWith("Funds left unspent: ");
		assertThat(told.get(0).body()).contains("USD 1,250.50 unspent", "returned to the donors",
				"The second workshop was not needed", "a pledge of Japan (JP)");
	}

	@Test
	void anOverdueReportRemindsTheOfficersAndOnceEscalatedTheCoordinators() {
		long programme = fixtures.programmeOf(fixtures.activityOfType("TRAINING"));
		long report = report(programme, ReportKind.PROGRESS, null);
		Instant due = Instant.parse("2027-07-31T09:00:00Z");
		String round = report + ":" + due.toEpochMilli();
		publish(new ReportOverdue(report, programme, Office.CPCJD, ReportKind.PROGRESS, false, due));
		List<Mail> reminders = mails("report-overdue:" + round);
		assertThat(recipients(reminders)).containsExactlyElementsOf(CPCJD_OFFICERS);
		assertThat(reminders.get(0).subject()).startsWith("Reminder: progress report overdue - Standards in practice");
		assertThat(reminders.get(0).body()).contains("1 January 2027 to 30 June 2027", "was due on 31 July 2027",
				"programme " + programme, "A second officer then reviews it");
		assertThat(mails("report-escalated:" + round)).isEmpty();

		publish(new ReportOverdue(report, programme, Office.CPCJD, ReportKind.PROGRESS, true, due));
		List<Mail> escalated = mails("report-escalated:" + round);
		assertThat(recipients(escalated)).containsExactly("coordinator.cpcjd@example.org");
		assertThat(escalated.get(0).subject()).startsWith("Escalated: progress report overdue");
		publish(new ReportOverdue(report, programme, Office.CPCJD, ReportKind.PROGRESS, false, due));
		assertThat(mails("report-overdue:" + round)).as("the officers are not mailed again").hasSize(2);

		// returned for revision, the report is due again later: its revision is reminded too
		Instant revisionDue = due.plus(java.time.Duration.ofDays(40));
		publish(new ReportOverdue(report, programme, Office.CPCJD, ReportKind.PROGRESS, false, revisionDue));
		assertThat(recipients(mails("report-overdue:" + report + ":" + revisionDue.toEpochMilli())))
			.containsExactlyElementsOf(CPCJD_OFFICERS);
	}

	@Test
	void theFinalReportGoesToTheDonorsOfEachMemberStateThatFundedTheProgramme() {
		long programme = fixtures.programmeOf(fixtures.activityOfType("TRAINING"));
		long report = report(programme, ReportKind.FINAL, "Trained 240 prison officers in Kenya and Uganda.");
		publish(new ReportSentToDonors(report, programme, Office.CPCJD, List.of("NO", "JP")));
		List<Mail> sent = mails("report-sent:" + report);
		assertThat(recipients(sent)).containsExactly("donor.japan@example.org", "donor.norway@example.org");
		assertThat(sent).allSatisfy(mail -> {
			assertThat(mail.subject()).startsWith("Final report: Standards in practice");
			assertThat(mail.body()).contains("Trained 240 prison officers", "1 January 2027 to 30 June 2027",
					"\"My pledges\"", "GET /api/pledges/{id}/report");
		});
		assertThat(sent.get(0).body()).contains("Japan (JP)");
		assertThat(sent.get(1).body()).contains("Norway (NO)");
	}

	@Test
	void spendingAheadOfTheFundsReceivedIsMailedToTheOfficesCoordinators() {
		long activity = fixtures.activityOfType("TRAINING");
		TestHttp.Response spent = TestHttp.api(port).send("POST", "/api/activities/" + activity + "/expenditures",
				"officerCpcjd", "application/json", """
						{"amount": "1200.00", "currency": "USD", "spentOn": "%s", "description": "Venue deposit",
						 "overrideReason": "The venue must be booked before the first instalment arrives"}"""
					.formatted(LocalDate.now()));
		assertThat(spent.status()).as(spent.body()).isEqualTo(201);
		long expenditure = spent.json().path("id").asLong();
		List<Mail> mails = mails("spending-override:" + expenditure);
		assertThat(recipients(mails)).containsExactly("coordinator.cpcjd@example.org");
		assertThat(mails.get(0).body()).contains("Amina Diallo recorded USD 1,200", "received only USD 0",
				"The venue must be booked", "activity " + activity);
	}

}
