package org.coopflow.notifications;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What every mail of coopflow words the same way: dates as a person writes them, and the closing line. */
final class MailText {

	/** Appended to every body: the mails come from a machine, and replies reach nobody. */
	static final String SIGNATURE = """

			This message was sent by coopflow. Please do not reply to it.
			""";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private MailText() {
	}

	/** "3 March 2027"; "an unknown date" when there is none. */
	static String date(LocalDate date) {
		return date == null ? "an unknown date" : date.format(DATE);
	}

}
