/**
 * Owns the e-mail coopflow sends: an outbox written in the same transaction as the change it reports,
 * and the relay that delivers it through SMTP (or to the log when no SMTP server is configured).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = {
		"activities :: api", "activities :: events", "overlap :: events", "pledges :: api", "pledges :: events",
		"programmes :: api", "programmes :: events", "programmes :: ports", "reference :: api", "security :: api" })
package org.coopflow.notifications;
