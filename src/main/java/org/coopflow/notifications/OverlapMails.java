package org.coopflow.notifications;

import java.util.ArrayList;
import java.util.List;

import org.coopflow.overlap.OverlapAlertOverdue;
import org.coopflow.overlap.OverlapAlertRaised;
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

	OverlapMails(Notifications notifications, UserDirectory users) {
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
					"Overlap alert " + raised.alertId() + " (" + raised.severity().toLowerCase() + "): programmes "
							+ raised.firstProgrammeId() + " and " + raised.secondProgrammeId(),
					"""
							Screening found that programmes %d and %d may overlap (severity %s).

							Please review alert %d in Tasklist ("Review overlap alert"): the form shows both programmes side by side with the signals that fired. The coordinators of both offices decide together.
							"""
						.formatted(raised.firstProgrammeId(), raised.secondProgrammeId(), raised.severity(),
								raised.alertId()));
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
							Overlap alert %d (programmes %d and %d) has waited for the coordinators' joint decision beyond the reminder.

							Please ask the coordinators of both offices to settle it, or reassign the task in Tasklist.
							""".formatted(overdue.alertId(), overdue.firstProgrammeId(), overdue.secondProgrammeId())
							: """
									Overlap alert %d (programmes %d and %d) has waited ten working days for your joint decision.

									Please open it in Tasklist. A funding proposal may be waiting on it.
									""".formatted(overdue.alertId(), overdue.firstProgrammeId(), overdue.secondProgrammeId()));
		}
	}

}
