package org.coopflow.notifications;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.coopflow.activities.ActivityEvents.ReportOverdue;
import org.coopflow.activities.ActivityEvents.ReportSentToDonors;
import org.coopflow.activities.ActivityEvents.SpendingOverrideRecorded;
import org.coopflow.activities.ActivityEvents.SurveyRepliesOutstanding;
import org.coopflow.activities.ActivityEvents.UnspentFundsDecided;
import org.coopflow.activities.Activities;
import org.coopflow.activities.ActivityView;
import org.coopflow.activities.ReportKind;
import org.coopflow.activities.ReportSummaries;
import org.coopflow.activities.ReportSummaries.ReportSummary;
import org.coopflow.activities.SurveySupport;
import org.coopflow.activities.SurveyView;
import org.coopflow.activities.UnspentFundsChoice;
import org.coopflow.programmes.ProposalFacts;
import org.coopflow.programmes.ProposalLifecycle;
import org.coopflow.security.Role;
import org.coopflow.security.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails what happens in the implementation of funded programmes: Member States reminded of
 * questionnaires they have not answered, officers (then coordinators) of reports past due, donors of
 * the final report sent to them, and coordinators of spending recorded ahead of the money received.
 * Runs in the transaction of the change that published the event, so the mail is queued only if the
 * change commits; each event key names one event, so a retried job mails once.
 */
@Component
class ActivityMails {

	private final Notifications notifications;

	private final UserDirectory users;

	private final ProposalLifecycle programmes;

	private final Activities activities;

	private final SurveySupport details;

	private final ReportSummaries reports;

	ActivityMails(Notifications notifications, UserDirectory users, ProposalLifecycle programmes,
			Activities activities, SurveySupport details, ReportSummaries reports) {
		this.notifications = notifications;
		this.users = users;
		this.programmes = programmes;
		this.activities = activities;
		this.details = details;
		this.reports = reports;
	}

	/**
	 * To the donors of each Member State still owing a reply: which questionnaires, since when. The key
	 * carries the reminder's round, so that each round of the reminder cycle mails once, and a repeated
	 * event of the same round not again.
	 */
	@EventListener
	void on(SurveyRepliesOutstanding outstanding) {
		ActivityView activity = activities.find(outstanding.activityId());
		SurveyView survey = details.survey(outstanding.activityId());
		for (String memberState : outstanding.memberStates()) {
			List<SurveyView.Request> owed = survey.requests()
				.stream()
				.filter(r -> r.memberState().equals(memberState) && r.status() == SurveyView.Status.OUTSTANDING)
				.toList();
			// the round is when this reminder was counted, as the event says (MySQL keeps whole seconds);
			// a count of reminders would repeat once the request reminded most is answered
			long round = outstanding.remindedAt().toEpochMilli();
			String questionnaires = owed.isEmpty() ? "- (see the activity)"
					: owed.stream()
						.map(r -> "- " + r.standard() + ", sent on " + MailText.date(r.askedOn()))
						.collect(Collectors.joining("\n"));
			// the focal points the questionnaires went to, then the Member State's donor accounts
			Set<String> recipients = new TreeSet<>();
			owed.stream().map(SurveyView.Request::contactEmail).filter(Objects::nonNull).forEach(recipients::add);
			recipients.addAll(users.emailsOfDonors(memberState));
			String key = outstanding.activityId() + ":" + memberState + ":" + round;
			if (recipients.isEmpty()) {
				noAddress(outstanding, activity, memberState, questionnaires, "survey-no-address:" + key);
				continue;
			}
			for (String recipient : recipients) {
				notifications.enqueue("survey-replies-outstanding:" + key, recipient,
						"Reminder: questionnaire replies awaited from " + PledgeMails.memberState(memberState),
						"""
								The %s has not yet received the reply of %s to the following questionnaires on United Nations \
								standards and norms in crime prevention and criminal justice (activity "%s", %d):

								%s

								ECOSOC resolution 1997/32 asks Governments that have not yet replied to submit their replies. \
								Please send the reply to the %s, or ask it for another copy of the questionnaire.
								"""
							.formatted(PledgeMails.officeName(outstanding.office()), PledgeMails.memberState(memberState),
									activity.title(), activity.id(),
									questionnaires, outstanding.office())
								+ MailText.SIGNATURE);
			}
		}
	}

	/**
	 * A Member State coopflow has no address for: the reminder was counted but reached nobody, so the
	 * office's officers are told to remind it another way, rather than the reminder being lost unseen.
	 */
	private void noAddress(SurveyRepliesOutstanding outstanding, ActivityView activity, String memberState,
			String questionnaires, String key) {
		for (String recipient : users.emailsOf(Role.PROGRAMME_OFFICER, outstanding.office())) {
			notifications.enqueue(key, recipient,
					"No address to remind " + PledgeMails.memberState(memberState) + " of its questionnaire replies",
					"""
							%s has not replied to the following questionnaires of activity "%s" (%d):

							%s

							coopflow has no address to remind it: no contact was recorded with the questionnaires and \
							it has no donor account. Please remind it through its permanent mission, and record the \
							focal point's address (contactEmail, POST /api/activities/%d/survey/requests) for the \
							next reminder.
							""".formatted(PledgeMails.memberState(memberState), activity.title(), activity.id(),
							questionnaires, activity.id())
							+ MailText.SIGNATURE);
		}
	}

	/** To the office's programme officers; once escalated, to its coordinators. */
	@EventListener
	void on(ReportOverdue overdue) {
		ProposalFacts programme = programmes.facts(overdue.programmeId());
		Optional<ReportSummary> report = reports.find(overdue.reportId());
		String kind = kind(overdue.kind());
		String due = report.map(r -> " was due on " + MailText.date(LocalDate.ofInstant(r.dueAt(), ZoneOffset.UTC))).orElse(" is past due");
		String period = report.map(r -> " for " + MailText.date(r.periodFrom()) + " to " + MailText.date(r.periodTo())).orElse("");
		if (overdue.escalated()) {
			for (String recipient : users.emailsOf(Role.COORDINATOR, overdue.office())) {
				notifications.enqueue("report-escalated:" + round(overdue), recipient,
						"Escalated: " + kind + " report overdue - " + programme.title(),
						"""
								The %s report%s of the programme "%s" (programme %d, %s)%s and has still not been submitted \
								after the officers were reminded.

								Please ask who holds the task to finish it, or take it over in Tasklist.
								""".formatted(kind, period, programme.title(), programme.programmeId(),
								overdue.office(), due) + MailText.SIGNATURE);
			}
			return;
		}
		for (String recipient : users.emailsOf(Role.PROGRAMME_OFFICER, overdue.office())) {
			notifications.enqueue("report-overdue:" + round(overdue), recipient,
					"Reminder: " + kind + " report overdue - " + programme.title(),
					"""
							The %s report%s of the programme "%s" (programme %d)%s.

							Please submit it in Tasklist. %s
							""".formatted(kind, period, programme.title(), programme.programmeId(), due,
							overdue.kind() == ReportKind.FINAL ? "Donors receive the final report as soon as it is submitted."
									: "A second officer then reviews it before the donors see it.")
							+ MailText.SIGNATURE);
		}
	}

	/** The report and its due date: a returned report's revision, due later, is reminded once more. */
	private static String round(ReportOverdue overdue) {
		return overdue.reportId() + ":" + overdue.dueAt().toEpochMilli();
	}

	/** To the donors of each Member State whose pledges funded the programme: what the report says. */
	@EventListener
	void on(ReportSentToDonors sent) {
		ProposalFacts programme = programmes.facts(sent.programmeId());
		Optional<ReportSummary> report = reports.find(sent.reportId());
		String period = report.map(r -> " covering " + MailText.date(r.periodFrom()) + " to " + MailText.date(r.periodTo())).orElse("");
		String summary = report.map(ReportSummary::summary)
			.filter(text -> text != null && !text.isBlank())
			.map(text -> "\nSummary of the report:\n\n" + text.strip() + "\n")
			.orElse("");
		for (String memberState : sent.donors().stream().distinct().toList()) {
			toDonors(memberState, "report-sent:" + sent.reportId(), "Final report: " + programme.title(),
					"""
							The %s sends you the final report%s of the programme "%s" (programme %d), to which a pledge \
							of %s contributed.
							%s
							What your pledge paid for, the activities of the programme and what each produced are in \
							coopflow: sign in and open "My pledges", then "What pledge N did" (also for your colleagues \
							signed in for %s; the same as GET /api/pledges/{id}/report).
							"""
						.formatted(PledgeMails.officeName(sent.office()), period, programme.title(),
								programme.programmeId(), PledgeMails.memberState(memberState), summary, memberState));
		}
	}

	/** To the donors of each Member State whose pledges funded the programme: what becomes of the money left. */
	@EventListener
	void on(UnspentFundsDecided decided) {
		ProposalFacts programme = programmes.facts(decided.programmeId());
		String what = decided.choice() == UnspentFundsChoice.RETURN ? "returned to the donors"
				: "reprogrammed to other work on the standards, as agreed with the donors";
		for (String memberState : decided.donors().stream().distinct().toList()) {
			toDonors(memberState, "unspent-funds:" + decided.programmeId(),
					"Funds left unspent: " + programme.title(),
					"""
							The programme "%s" (programme %d), to which a pledge of %s contributed, has closed with %s \
							unspent. The %s decided that this money is %s.

							The reason given: %s

							Your pledge's share, and everything it paid for, is in coopflow: sign in and open "My \
							pledges", then "What pledge N did".
							"""
						.formatted(programme.title(), programme.programmeId(), PledgeMails.memberState(memberState),
								PledgeMails.money(decided.amount(), decided.currency()),
								PledgeMails.officeName(decided.office()), what, decided.reason()));
		}
	}

	/** To the office's coordinators: money spent ahead of the funds received wants a second pair of eyes. */
	@EventListener
	void on(SpendingOverrideRecorded override) {
		ProposalFacts programme = programmes.facts(override.programmeId());
		for (String recipient : users.emailsOf(Role.COORDINATOR, override.office())) {
			notifications.enqueue("spending-override:" + override.expenditureId(), recipient,
					"Spending ahead of funds received - " + programme.title(),
					"""
							%s recorded %s of spending on activity %d of the programme "%s" (programme %d), although the \
							programme had received only %s.

							The reason given: %s

							Please review the expenditure (expenditure %d) with the officer: spending beyond the funds \
							received is a commitment the office makes before the donors have paid.
							""".formatted(users.nameOf(override.by()), PledgeMails.money(override.amount(), override.currency()),
							override.activityId(), programme.title(), programme.programmeId(),
							PledgeMails.money(override.receivedBefore(), override.currency()), override.reason(),
							override.expenditureId()) + MailText.SIGNATURE);
		}
	}

	private void toDonors(String memberState, String eventKey, String subject, String body) {
		for (String recipient : users.emailsOfDonors(memberState)) {
			notifications.enqueue(eventKey, recipient, subject, body + MailText.SIGNATURE);
		}
	}

	private static String kind(ReportKind kind) {
		return kind == ReportKind.FINAL ? "final" : "progress";
	}


}
