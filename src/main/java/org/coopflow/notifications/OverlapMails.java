package org.coopflow.notifications;

import java.util.ArrayList;
import java.util.List;

import org.coopflow.overlap.OverlapAlertOverdue;
import org.coopflow.overlap.OverlapAlertRaised;
import org.coopflow.programmes.ProposalLifecycle;
import org.coopflow.reference.Office;
import org.coopflow.security.Role;
import org.coopflow.security.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails the coordinators of both offices about overlap alerts: a new alert to review, a reminder
 * after ten working days, and, still undecided after that, the administrators. Runs in the
 * transaction that raised the event.
 */
@Component
class OverlapMails {

	private final Notifications notifications;

	private final UserDirectory users;

	private final ProposalLifecycle programmes;

	OverlapMails(Notifications notifications, UserDirectory users, ProposalLifecycle programmes) {
		this.programmes = programmes;
		this.notifications = notifications;
		this.users = users;
	}

	private List<String> coordinators() {
		List<String> recipients = new ArrayList<>();
		for (Office office : Office.values()) {
			recipients.addAll(users.emailsOf(Role.COORDINATOR, office));
		}
		return recipients;
	}

	@EventListener
	void on(OverlapAlertRaised raised) {
		for (String recipient : coordinators()) {
			notifications.enqueue("overlap-alert-raised:" + raised.alertId(), recipient,
					"Overlap alert " + raised.alertId() + " (" + raised.severity().toLowerCase() + "): "
							+ title(raised.firstProgrammeId()) + " and " + title(raised.secondProgrammeId()),
					"""
							Screening found that the programmes %s and %s may overlap (%s severity).

							Please review alert %d in Tasklist ("Review overlap alert"): the form shows both programmes side by side with the signals that fired. The coordinators of both offices decide together.
							"""
						.formatted(named(raised.firstProgrammeId()), named(raised.secondProgrammeId()),
								raised.severity().toLowerCase(), raised.alertId()));
		}
	}

	@EventListener
	void on(OverlapAlertOverdue overdue) {
		List<String> recipients = overdue.escalated() ? users.emailsOf(Role.ADMIN, null) : coordinators();
		String key = (overdue.escalated() ? "overlap-alert-escalated:" : "overlap-alert-reminder:") + overdue.alertId();
		for (String recipient : recipients) {
			notifications.enqueue(key, recipient,
					(overdue.escalated() ? "Escalated: overlap alert " : "Reminder: overlap alert ") + overdue.alertId()
							+ " is still undecided",
					overdue.escalated() ? """
							Overlap alert %d (programmes %s and %s) has waited for the coordinators' joint decision beyond the reminder.

							Please ask the coordinators of both offices to settle it, or reassign the task in Tasklist.
							""".formatted(overdue.alertId(), named(overdue.firstProgrammeId()), named(overdue.secondProgrammeId()))
							: """
									Overlap alert %d (programmes %s and %s) has waited ten working days for your joint decision.

									Please open it in Tasklist. A funding proposal may be waiting on it.
									""".formatted(overdue.alertId(), named(overdue.firstProgrammeId()), named(overdue.secondProgrammeId())));
		}
	}

	/** "“Prison reform in Kenya” (CPCJD)": a programme as a coordinator knows it. */
	private String named(long programmeId) {
		var facts = programmes.facts(programmeId);
		return "“" + facts.title() + "” (" + facts.office().label() + ")";
	}

	private String title(long programmeId) {
		return "“" + programmes.facts(programmeId).title() + "”";
	}

}
